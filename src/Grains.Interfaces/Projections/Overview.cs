namespace Inventory.Contracts.Projections;

/// <summary>The whole inventory at a glance: warehouses, distinct SKUs, units, movements per minute, and what is in
/// transit between warehouses.</summary>
[GenerateSerializer, Immutable, Alias("inventory.overview")]
public sealed record Overview(
    [property: Id(0)] int Warehouses,
    [property: Id(1)] int Skus,
    [property: Id(2)] StockTotals Totals,
    [property: Id(3)] long Movements,
    [property: Id(4)] IReadOnlyList<MinuteCount> MovementsPerMinute,
    [property: Id(5)] IReadOnlyList<WarehouseSummary> ByWarehouse,
    [property: Id(6)] TransitSummary? Transit = null);
