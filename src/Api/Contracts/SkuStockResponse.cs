namespace Inventory.Api.Contracts;

/// <summary>One SKU across warehouses (by warehouse id), its totals, and its units in transit between warehouses: on hand
/// plus in transit is all there is of it.</summary>
public sealed record SkuStockResponse(
    string Sku, IReadOnlyList<SkuWarehouseStockResponse> Warehouses, StockTotalsResponse Totals, long InTransit, long OnHandAndInTransit, IReadOnlyList<TransitLineResponse> Transit);
