namespace Inventory.Contracts.Projections;

/// <summary>A page of a warehouse's stock by SKU (ordinal order), the warehouse's totals, and the SKU to read after for
/// the next page (null on the last page).</summary>
[GenerateSerializer, Immutable, Alias("inventory.warehouse-stock-page")]
public sealed record WarehouseStockPage(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] IReadOnlyList<StockLevel> Items,
    [property: Id(2)] StockTotals Totals,
    [property: Id(3)] string? Next);
