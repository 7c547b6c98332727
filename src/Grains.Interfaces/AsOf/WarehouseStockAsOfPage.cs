namespace Inventory.Contracts.AsOf;

/// <summary>A page of a warehouse's stock at <see cref="AsOf"/> by SKU (ordinal order), the whole warehouse's totals at
/// that instant (null when not asked for), and the SKU to read after for the next page (null on the last page).</summary>
[GenerateSerializer, Immutable, Alias("inventory.warehouse-stock-as-of-page")]
public sealed record WarehouseStockAsOfPage(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] IReadOnlyList<StockLevelAsOf> Items,
    [property: Id(3)] StockTotalsAsOf? Totals,
    [property: Id(4)] string? Next);
