using System.Collections.Concurrent;
using Inventory.Contracts.AsOf;

namespace Inventory.AsOf;

/// <summary>
/// A warehouse's totals at a settled instant, kept for a while: every page of an as-of read carries the whole warehouse's
/// totals, and summing a warehouse of 100,000 items costs a second, not the milliseconds of a page. An instant is settled
/// once it is <see cref="SettleTime"/> in the past: the ledger's balances at it no longer change, short of an append
/// that reaches the store that much later than it was decided (a storage outage the writer rides out). Instants closer
/// to now are never cached. One per silo; at most <see cref="Capacity"/> entries, each kept <see cref="Lifetime"/>.
/// </summary>
public sealed class AsOfTotalsCache(TimeProvider time)
{
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int Capacity = 256;

    private readonly ConcurrentDictionary<(string WarehouseId, DateTimeOffset AsOf), (StockTotalsAsOf Totals, DateTimeOffset Until)> _entries = new();

    /// <summary>The cached totals, or those <paramref name="read"/> gives (cached when <paramref name="asOf"/> is settled).</summary>
    public async Task<StockTotalsAsOf> GetAsync(string warehouseId, DateTimeOffset asOf, Func<Task<StockTotalsAsOf>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue((warehouseId, asOf), out var entry) && entry.Until > now)
        {
            return entry.Totals;
        }

        var totals = await read();
        if (asOf <= now - SettleTime)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[(warehouseId, asOf)] = (totals, now + Lifetime);
        }

        return totals;
    }
}
