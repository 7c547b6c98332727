namespace Inventory.Contracts.Projections;

/// <summary>Sums over the items of a view.</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-totals")]
public sealed record StockTotals(
    [property: Id(0)] int Items,
    [property: Id(1)] long OnHand,
    [property: Id(2)] long Reserved,
    [property: Id(3)] long Available,
    [property: Id(4)] int LowStock);
