namespace Inventory.Orders;

/// <summary>One line of an order as its log tells it. Held: <see cref="Reserved"/> - <see cref="Picked"/> -
/// <see cref="Released"/> - <see cref="ReleasedOutside"/>, never below zero.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-state")]
public sealed record OrderLineState([property: Id(0)] string Sku, [property: Id(1)] int Requested)
{
    [Id(2)] public long Reserved { get; init; }

    [Id(3)] public long Picked { get; init; }

    [Id(4)] public long Released { get; init; }

    /// <summary>What the order held of the line when the item told it its reservation was gone (released or picked at
    /// the item directly).</summary>
    [Id(5)] public long ReleasedOutside { get; init; }

    public long Held => Reserved - Picked - Released - ReleasedOutside;
}
