namespace Inventory.Api.Contracts;

/// <summary>A warehouse in the overview: totals, movements in all, and per minute over the last minutes (oldest first).</summary>
public sealed record WarehouseSummaryResponse(
    string WarehouseId,
    StockTotalsResponse Totals,
    long Movements,
    IReadOnlyList<MinuteCountResponse> MovementsPerMinute);
