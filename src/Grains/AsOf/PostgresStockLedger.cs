using System.Data.Common;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.StockItems;
using Npgsql;

namespace Inventory.AsOf;

/// <summary>
/// The <see cref="IStockLedger"/> on PostgreSQL, with no index of its own: the (stream_id, version) index, which carries
/// recorded_at and whose stream ids are in byte order (migration 0008), gives each item's highest version recorded by
/// then (an index-only scan of the warehouse's range <c>'W/' &lt; stream_id &lt; 'W0'</c>, grouped in index order, so a page
/// stops after its last item); then one row per item is read for its balances. A SKU across warehouses skips from one
/// stream id prefix to the next (one index probe per warehouse and per other kind of stream) and probes
/// <c>'{warehouseId}/{sku}'</c> in each.
/// </summary>
public sealed class PostgresStockLedger(NpgsqlDataSource dataSource) : IStockLedger
{
    private const string LatestInRange = """
        SELECT stream_id, max(version) AS version FROM events
        WHERE stream_id > $1 AND stream_id < $2 AND recorded_at <= $3
        GROUP BY stream_id
        """;

    private const string Balances =
        "e.stream_id, e.version, e.global_position, e.recorded_at, (e.data->>'onHandAfter')::bigint, (e.data->>'reservedAfter')::bigint";

    private const string WarehouseSql = $"""
        SELECT {Balances}
        FROM ({LatestInRange} ORDER BY stream_id LIMIT $4) AS l
        JOIN events AS e ON e.stream_id = l.stream_id AND e.version = l.version
        ORDER BY e.stream_id
        """;

    private const string TotalsSql = $"""
        SELECT count(*)::integer, coalesce(sum((e.data->>'onHandAfter')::bigint), 0)::bigint,
               coalesce(sum((e.data->>'reservedAfter')::bigint), 0)::bigint
        FROM ({LatestInRange}) AS l
        JOIN events AS e ON e.stream_id = l.stream_id AND e.version = l.version
        """;

    /// <summary>The first stream id of each prefix: a warehouse ('W/...'), another kind of stream ('transfer:...'), or a
    /// stream id with neither separator; then the SKU's stream in each warehouse.</summary>
    private const string SkuSql = $"""
        WITH RECURSIVE prefixes(stream_id) AS (
            (SELECT stream_id FROM events ORDER BY stream_id LIMIT 1)
            UNION ALL
            SELECT (SELECT n.stream_id FROM events AS n
                    WHERE n.stream_id >= CASE WHEN strpos(p.stream_id, '/') > 0 THEN split_part(p.stream_id, '/', 1) || '0'
                                              WHEN strpos(p.stream_id, ':') > 0 THEN split_part(p.stream_id, ':', 1) || ';'
                                              ELSE p.stream_id || chr(1) END
                    ORDER BY n.stream_id LIMIT 1)
            FROM prefixes AS p
            WHERE p.stream_id IS NOT NULL)
        SELECT {Balances}
        FROM prefixes AS p
        CROSS JOIN LATERAL (SELECT * FROM events AS i
                            WHERE i.stream_id = split_part(p.stream_id, '/', 1) || '/' || $1 AND i.recorded_at <= $2
                            ORDER BY i.version DESC LIMIT 1) AS e
        WHERE strpos(p.stream_id, '/') > 0
        ORDER BY split_part(e.stream_id, '/', 1)
        """;

    public async Task<IReadOnlyList<StockLevelAsOf>> ReadWarehouseAsync(
        string warehouseId, DateTimeOffset asOf, string? afterSku, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = dataSource.CreateCommand(WarehouseSql);
        AddRange(command, warehouseId, afterSku, asOf);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadLevelsAsync(command, cancellationToken);
    }

    public async Task<StockTotalsAsOf> ReadWarehouseTotalsAsync(string warehouseId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(TotalsSql);
        AddRange(command, warehouseId, null, asOf);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StockTotalsAsOf(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<IReadOnlyList<StockLevelAsOf>> ReadSkuAsync(string sku, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SkuSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = LedgerBalances.ToMicroseconds(asOf).UtcDateTime });
        return await ReadLevelsAsync(command, cancellationToken);
    }

    /// <summary>The warehouse's stock item streams after <paramref name="afterSku"/>: ('W/after', 'W0').</summary>
    private static void AddRange(NpgsqlCommand command, string warehouseId, string? afterSku, DateTimeOffset asOf)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{warehouseId}/{afterSku}" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{warehouseId}0" });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = LedgerBalances.ToMicroseconds(asOf).UtcDateTime });
    }

    private static async Task<IReadOnlyList<StockLevelAsOf>> ReadLevelsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var levels = new List<StockLevelAsOf>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            levels.Add(ReadLevel(reader));
        }

        return levels;
    }

    private static StockLevelAsOf ReadLevel(DbDataReader reader)
    {
        var (warehouseId, sku) = StockItemKey.Split(reader.GetString(0));
        return new StockLevelAsOf(
            warehouseId,
            sku,
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt32(1),
            reader.GetInt64(2),
            reader.GetFieldValue<DateTimeOffset>(3));
    }
}
