namespace Inventory.Api.Contracts;

/// <summary>One SKU at <see cref="AsOf"/> in every warehouse that had it then (by warehouse id), and its totals.</summary>
public sealed record SkuStockAsOfResponse(
    string Sku,
    DateTimeOffset AsOf,
    IReadOnlyList<SkuWarehouseStockAsOfResponse> Warehouses,
    StockTotalsAsOfResponse Totals);
