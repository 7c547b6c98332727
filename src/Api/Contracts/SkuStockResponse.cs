namespace Inventory.Api.Contracts;

/// <summary>One SKU across warehouses (by warehouse id) and its totals.</summary>
public sealed record SkuStockResponse(string Sku, IReadOnlyList<SkuWarehouseStockResponse> Warehouses, StockTotalsResponse Totals);
