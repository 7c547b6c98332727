namespace Inventory.Api.Contracts;

/// <summary>The whole inventory at a glance: counts, totals, movements per minute, and every warehouse.</summary>
public sealed record OverviewResponse(
    int Warehouses,
    int Skus,
    StockTotalsResponse Totals,
    long Movements,
    IReadOnlyList<MinuteCountResponse> MovementsPerMinute,
    IReadOnlyList<WarehouseSummaryResponse> ByWarehouse);
