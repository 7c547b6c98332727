namespace Inventory.Contracts.Projections;

/// <summary>A warehouse in the overview: its totals and its movements per minute over the last minutes
/// (by recorded time, oldest first, the current minute last).</summary>
[GenerateSerializer, Immutable, Alias("inventory.warehouse-summary")]
public sealed record WarehouseSummary(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] StockTotals Totals,
    [property: Id(2)] long Movements,
    [property: Id(3)] IReadOnlyList<MinuteCount> MovementsPerMinute);
