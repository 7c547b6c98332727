namespace Inventory.Contracts.Projections;

/// <summary>One SKU across warehouses: each warehouse's numbers (by warehouse id), the totals, and its units in transit
/// between warehouses (on hand + in transit is all there is of it).</summary>
[GenerateSerializer, Immutable, Alias("inventory.sku-stock")]
public sealed record SkuStock(
    [property: Id(0)] string Sku,
    [property: Id(1)] IReadOnlyList<StockLevel> Warehouses,
    [property: Id(2)] StockTotals Totals,
    [property: Id(3)] IReadOnlyList<TransitLine>? Transit = null)
{
    public long InTransit => Transit?.Sum(t => t.InTransit) ?? 0;
}
