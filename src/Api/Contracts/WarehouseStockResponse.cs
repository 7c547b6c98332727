namespace Inventory.Api.Contracts;

/// <summary>A page of a warehouse's stock by SKU (ordinal order), the warehouse's totals, and the URL of the next page
/// (null on the last).</summary>
public sealed record WarehouseStockResponse(
    string WarehouseId,
    IReadOnlyList<StockLevelResponse> Items,
    StockTotalsResponse Totals,
    string? Next);
