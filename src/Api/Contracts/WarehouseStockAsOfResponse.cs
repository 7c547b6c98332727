namespace Inventory.Api.Contracts;

/// <summary>A page of a warehouse's stock at <see cref="AsOf"/> by SKU (ordinal order), the whole warehouse's totals at
/// that instant, and the URL of the next page (null on the last). Items with no event by then are not listed.</summary>
public sealed record WarehouseStockAsOfResponse(
    string WarehouseId,
    DateTimeOffset AsOf,
    IReadOnlyList<StockLevelAsOfResponse> Items,
    StockTotalsAsOfResponse Totals,
    string? Next);
