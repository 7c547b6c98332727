namespace Inventory.Api.Contracts;

/// <summary>Goods of an order left the shelf. <see cref="PickId"/> is the scanner's: the same pick sent again is applied
/// once. Without <see cref="Lines"/>, everything the order still holds is picked.</summary>
public sealed record OrderPickRequest
{
    public required Guid PickId { get; init; }

    /// <summary>1 to 100 lines, each SKU once; or left out for everything still held.</summary>
    public IReadOnlyList<OrderLineRequest>? Lines { get; init; }
}
