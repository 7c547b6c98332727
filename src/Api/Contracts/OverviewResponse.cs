namespace Inventory.Api.Contracts;

/// <summary>The whole inventory at a glance: counts, totals, movements per minute, every warehouse, and what is in transit.</summary>
public sealed record OverviewResponse(
    int Warehouses,
    int Skus,
    StockTotalsResponse Totals,
    long Movements,
    IReadOnlyList<MinuteCountResponse> MovementsPerMinute,
    IReadOnlyList<WarehouseSummaryResponse> ByWarehouse,
    TransitSummaryResponse InTransit);
