namespace Inventory.Contracts.AsOf;

/// <summary>One SKU at <see cref="AsOf"/> in every warehouse that had it then (by warehouse id), and the totals.</summary>
[GenerateSerializer, Immutable, Alias("inventory.sku-stock-as-of")]
public sealed record SkuStockAsOf(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] IReadOnlyList<StockLevelAsOf> Warehouses,
    [property: Id(3)] StockTotalsAsOf Totals);
