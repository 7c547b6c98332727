using Inventory.Contracts.Projections;
using Inventory.Projections;
using Npgsql;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>
/// The views computed straight from PostgreSQL, without any projection code: <c>events</c> read in (stream, version)
/// order and folded per stream (the last event carries the balances after it, reorder points come from reorder-point-set
/// events, the version is the last version); recent movements are each warehouse's newest events by global position.
/// </summary>
public static class StoreReplay
{
    private const int RecentCapacity = 100;

    public static async Task<ReplayedStore> ReadAsync(string connectionString)
    {
        var events = await ReadEventsAsync(connectionString);
        var items = new List<(string Warehouse, string Sku, StoredRow Last, int ReorderPoint)>();
        foreach (var stream in events.GroupBy(e => e.StreamId, StringComparer.Ordinal))
        {
            var rows = stream.ToList();
            if (!rows.Select(r => r.Version).SequenceEqual(Enumerable.Range(1, rows.Count)))
            {
                throw new InvalidOperationException($"Stream {stream.Key} does not hold versions 1..{rows.Count} in order.");
            }

            var reorderPoint = rows.LastOrDefault(r => r.ReorderPoint is not null)?.ReorderPoint ?? 0;
            items.Add((StandardProjections.WarehouseOf(stream.Key), StandardProjections.SkuOf(stream.Key), rows[^1], reorderPoint));
        }

        var lines = new List<string>();
        var warehouses = items.Select(i => i.Warehouse).Distinct().Order(StringComparer.Ordinal).ToList();
        var skus = items.Select(i => i.Sku).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var warehouse in warehouses)
        {
            var levels = items.Where(i => i.Warehouse == warehouse).OrderBy(i => i.Sku, StringComparer.Ordinal).ToList();
            lines.AddRange(levels.Select(i => ViewLines.Item(warehouse, i.Sku, i.Last.OnHand, i.Last.Reserved, i.ReorderPoint, i.Last.Version, i.Last.Position)));
            lines.Add(ViewLines.WarehouseTotals(warehouse, Totals(levels)));
            lines.Add(ViewLines.LowStock(warehouse, levels.Where(IsLow).Select(i => i.Sku)));
            var ofWarehouse = events.Where(e => StandardProjections.WarehouseOf(e.StreamId) == warehouse).ToList();
            lines.Add(ViewLines.Movements(warehouse, ofWarehouse.Count));
            lines.AddRange(ofWarehouse.OrderByDescending(e => e.Position).Take(RecentCapacity).Select((e, n) =>
                ViewLines.Recent(warehouse, n, e.EventId, StandardProjections.SkuOf(e.StreamId), e.Version, e.OnHand, e.Reserved)));
        }

        foreach (var sku in skus)
        {
            var levels = items.Where(i => i.Sku == sku).OrderBy(i => i.Warehouse, StringComparer.Ordinal).ToList();
            lines.AddRange(levels.Select(i => ViewLines.SkuAt(sku, i.Warehouse, i.Last.OnHand, i.Last.Reserved, i.ReorderPoint, i.Last.Version, i.Last.Position)));
            lines.Add(ViewLines.SkuTotals(sku, Totals(levels)));
        }

        lines.Add(ViewLines.Overview(warehouses.Count, skus.Count, Totals(items), events.Count));
        return new ReplayedStore(new ViewSnapshot(lines), warehouses, skus, events.Count);
    }

    private static bool IsLow((string Warehouse, string Sku, StoredRow Last, int ReorderPoint) item) =>
        item.Last.OnHand - item.Last.Reserved < item.ReorderPoint;

    private static StockTotals Totals(IReadOnlyCollection<(string Warehouse, string Sku, StoredRow Last, int ReorderPoint)> items)
    {
        var onHand = items.Sum(i => i.Last.OnHand);
        var reserved = items.Sum(i => i.Last.Reserved);
        return new StockTotals(items.Count, onHand, reserved, onHand - reserved, items.Count(IsLow));
    }

    private static async Task<List<StoredRow>> ReadEventsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            """
            SELECT stream_id, version, global_position, event_id,
                   (data->>'onHandAfter')::bigint, (data->>'reservedAfter')::bigint,
                   CASE WHEN type = 'reorder-point-set' THEN (data->>'reorderPoint')::int END
            FROM events
            ORDER BY stream_id, version
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(
                reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetInt64(4), reader.GetInt64(5),
                await reader.IsDBNullAsync(6) ? null : reader.GetInt32(6)));
        }

        return rows;
    }

    private sealed record StoredRow(string StreamId, int Version, long Position, Guid EventId, long OnHand, long Reserved, int? ReorderPoint);
}
