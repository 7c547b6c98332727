using Inventory.Contracts.EventStore;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;

namespace Inventory.AsOf;

/// <summary>
/// The <see cref="IStockLedger"/> over any <see cref="IEventLog"/>: every read scans the whole global log. The reference
/// semantics and the in-memory default (development, tests); a store of any size uses <see cref="PostgresStockLedger"/>.
/// </summary>
public sealed class LogScanStockLedger(IEventLog log) : IStockLedger
{
    private const int PageSize = 10_000;

    public async Task<IReadOnlyList<StockLevelAsOf>> ReadWarehouseAsync(
        string warehouseId, DateTimeOffset asOf, string? afterSku, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var latest = await LatestAsync(asOf, key => key.WarehouseId == warehouseId && (afterSku is null || string.CompareOrdinal(key.Sku, afterSku) > 0), cancellationToken);
        return [.. latest.OrderBy(l => l.Sku, StringComparer.Ordinal).Take(limit)];
    }

    public async Task<StockTotalsAsOf> ReadWarehouseTotalsAsync(string warehouseId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        StockTotalsAsOf.Of(await LatestAsync(asOf, key => key.WarehouseId == warehouseId, cancellationToken));

    public async Task<IReadOnlyList<StockLevelAsOf>> ReadSkuAsync(string sku, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        [.. (await LatestAsync(asOf, key => key.Sku == sku, cancellationToken)).OrderBy(l => l.WarehouseId, StringComparer.Ordinal)];

    /// <summary>Each matching stock item's event of highest version recorded at or before <paramref name="asOf"/>.</summary>
    private async Task<IEnumerable<StockLevelAsOf>> LatestAsync(DateTimeOffset asOf, Func<StockItemKey, bool> matches, CancellationToken cancellationToken)
    {
        asOf = LedgerBalances.ToMicroseconds(asOf);
        var latest = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
        var after = LogPosition.Start;
        while (true)
        {
            var page = await log.ReadAllAsync(after, PageSize, cancellationToken);
            foreach (var e in page.Events)
            {
                if (e.RecordedAt <= asOf
                    && StockItemKey.TryParse(e.StreamId, out var key)
                    && matches(key)
                    && (!latest.TryGetValue(e.StreamId, out var found) || found.Version < e.Version))
                {
                    latest[e.StreamId] = e;
                }
            }

            if (page.Events.Count < PageSize)
            {
                return latest.Values.Select(LedgerBalances.Read);
            }

            after = page.End;
        }
    }
}
