namespace Inventory.Api.Contracts;

/// <summary>Sets an item's reorder point. The movement id comes from <see cref="MovementId"/>, else the
/// <c>Idempotency-Key</c> header (a UUID), else a new one is generated (then a retry is a second movement).</summary>
public sealed record ReorderPointRequest
{
    public required int ReorderPoint { get; init; }

    public Guid? MovementId { get; init; }
}
