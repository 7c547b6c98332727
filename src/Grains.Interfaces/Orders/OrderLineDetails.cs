namespace Inventory.Contracts.Orders;

/// <summary>One line of an order: requested, and what of it was reserved, picked, released by the order, found released
/// outside it (its reservation gone at the item), and is still held (reserved - picked - released - releasedOutside).</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-details")]
public sealed record OrderLineDetails
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Requested { get; init; }

    [Id(2)] public required long Reserved { get; init; }

    [Id(3)] public required long Picked { get; init; }

    [Id(4)] public required long Released { get; init; }

    [Id(5)] public required long ReleasedOutside { get; init; }

    public long Held => Reserved - Picked - Released - ReleasedOutside;
}
