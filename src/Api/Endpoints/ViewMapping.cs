using System.Text.Json;
using Inventory.Api.Contracts;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.Projections;

namespace Inventory.Api.Endpoints;

/// <summary>The read side's view records turned into the API's response records.</summary>
public static class ViewMapping
{
    public static StockLevelResponse ToResponse(StockLevel level) => new(
        level.Sku, level.OnHand, level.Reserved, level.Available, level.ReorderPoint, level.Version, level.Position, level.LastMovementAt);

    public static StockTotalsResponse ToResponse(StockTotals totals) => new(
        totals.Items, totals.OnHand, totals.Reserved, totals.Available, totals.LowStock);

    public static RecentMovementResponse ToResponse(RecentMovement m) => new(
        m.WarehouseId, m.Sku, m.MovementId, m.EventId, m.Type, m.OnHandDelta, m.OnHandAfter, m.ReservedAfter, m.Version, m.Position, m.RecordedAt, m.Principal);

    public static StockLevelAsOfResponse ToResponse(StockLevelAsOf level) => new(
        level.Sku, level.OnHand, level.Reserved, level.Available, level.Version, level.Position, level.LastMovementAt);

    public static StockTotalsAsOfResponse ToResponse(StockTotalsAsOf totals) => new(totals.Items, totals.OnHand, totals.Reserved, totals.Available);

    public static SkuStockAsOfResponse ToResponse(SkuStockAsOf stock) => new(
        stock.Sku,
        stock.AsOf,
        [.. stock.Warehouses.Select(w => new SkuWarehouseStockAsOfResponse(w.WarehouseId, w.OnHand, w.Reserved, w.Available, w.Version, w.Position, w.LastMovementAt))],
        ToResponse(stock.Totals));

    public static SkuStockResponse ToResponse(SkuStock stock) => new(
        stock.Sku,
        [.. stock.Warehouses.Select(w => new SkuWarehouseStockResponse(w.WarehouseId, w.OnHand, w.Reserved, w.Available, w.ReorderPoint, w.Version, w.Position, w.LastMovementAt))],
        ToResponse(stock.Totals),
        stock.InTransit,
        stock.Totals.OnHand + stock.InTransit,
        [.. (stock.Transit ?? []).Select(ToResponse)]);

    public static TransitLineResponse ToResponse(TransitLine l) => new(l.TransferId, l.Sku, l.FromWarehouseId, l.ToWarehouseId, l.InTransit, l.DispatchedAt, l.Overdue);

    public static OverviewResponse ToResponse(Overview overview) => new(
        overview.Warehouses,
        overview.Skus,
        ToResponse(overview.Totals),
        overview.Movements,
        [.. overview.MovementsPerMinute.Select(ToResponse)],
        [.. overview.ByWarehouse.OrderBy(w => w.WarehouseId, StringComparer.Ordinal)
            .Select(w => new WarehouseSummaryResponse(w.WarehouseId, ToResponse(w.Totals), w.Movements, [.. w.MovementsPerMinute.Select(ToResponse)]))],
        overview.Transit is { } t ? new TransitSummaryResponse(t.Units, t.Transfers, t.OverdueTransfers) : new TransitSummaryResponse(0, 0, 0));

    public static ProjectionStatusResponse ToResponse(ProjectionStatus s) => new(
        s.Name,
        s.Generation,
        JsonNamingPolicy.CamelCase.ConvertName(s.Health.ToString()),
        ToResponse(s.Checkpoint),
        s.HeadPosition,
        s.LagEvents,
        s.LagMilliseconds,
        s.LastAppliedAt,
        s.DeadLetters,
        s.Partitions,
        s.Rebuild is { } r ? new RebuildProgressResponse(r.Generation, ToResponse(r.Checkpoint), r.Applied, r.EventsPerSecond, r.StartedAt, r.Shadowing) : null,
        s.MeasuredAt);

    public static DeadLetterResponse ToResponse(DeadLetter d) => new(
        d.Id, d.Projection, d.Partition, d.EventId, d.StreamId, d.Version, d.Position, d.EventType, d.Error, d.Attempts, d.ParkedAt, d.RedrivenAt);

    private static MinuteCountResponse ToResponse(MinuteCount m) => new(m.Minute, m.Movements);

    private static LogPositionResponse ToResponse(LogPosition p) => new(p.TransactionId, p.Position);
}
