namespace Inventory.Api.Contracts;

/// <summary>Up to 500 movements; those of one item are applied in the order given.</summary>
public sealed record MovementBatchRequest
{
    public required IReadOnlyList<MovementRequest> Movements { get; init; }
}
