namespace Inventory.Contracts.Projections;

/// <summary>One SKU across warehouses: each warehouse's numbers (by warehouse id) and the totals.</summary>
[GenerateSerializer, Immutable, Alias("inventory.sku-stock")]
public sealed record SkuStock(
    [property: Id(0)] string Sku,
    [property: Id(1)] IReadOnlyList<StockLevel> Warehouses,
    [property: Id(2)] StockTotals Totals);
