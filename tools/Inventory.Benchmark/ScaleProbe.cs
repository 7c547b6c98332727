using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>An item's reads at some size of the ledger: a probe item of its own, written through the store with one
/// receipt a minute, then read through its grain many times: a history page at a random version, and its state as of a
/// random instant. Medians, in milliseconds; every answer is checked.</summary>
internal static class ScaleProbe
{
    private const int PageSize = 50;
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<(double HistoryMillis, double AsOfMillis)> RunAsync(IEventStore store, IGrainFactory grains, int events, int calls)
    {
        var key = $"scale-probe/sku-{Guid.NewGuid():N}"[..40];
        await WriteAsync(new StockItemStream(store, key), events);
        var item = grains.GetStockItem(key);
        if ((await item.GetDetailsAsync()).Version != events)
        {
            throw new InvalidOperationException($"The probe item {key} did not activate at v{events}.");
        }

        var random = new Random(5);
        var history = new List<double>(calls);
        var asOf = new List<double>(calls);
        for (var call = 0; call < calls; call++)
        {
            var after = random.Next(0, events - PageSize);
            var started = Stopwatch.GetTimestamp();
            var page = await item.GetHistoryAsync(after, PageSize);
            history.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (page.Entries.Count != PageSize)
            {
                throw new InvalidOperationException($"A history page of {key} after v{after} had {page.Entries.Count} entries, not {PageSize}.");
            }

            // Half a minute after the receipt of version v + 1 (recorded at Start + v minutes): the state at v + 1.
            var minute = random.Next(0, events);
            started = Stopwatch.GetTimestamp();
            var details = await item.GetDetailsAsOfAsync(Start.AddMinutes(minute + 0.5));
            asOf.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (details?.Version != minute + 1)
            {
                throw new InvalidOperationException($"{key} as of minute {minute} answered v{details?.Version}, not v{minute + 1}.");
            }
        }

        return (Median(history), Median(asOf));
    }

    private static async Task WriteAsync(StockItemStream stream, int events)
    {
        var item = StockItem.Empty;
        var version = 0;
        while (version < events)
        {
            var batch = new List<StockItemEvent>();
            for (var i = 0; i < 500 && version + batch.Count < events; i++)
            {
                var received = new StockReceived
                {
                    MovementId = Guid.NewGuid(), RecordedAt = Start.AddMinutes(version + batch.Count), Quantity = 1, OnHandAfter = item.OnHand + 1, ReservedAfter = 0,
                };
                item = StockItem.Evolve(item, received);
                batch.Add(received);
            }

            var result = await stream.AppendAsync(version, batch, new EventMetadata(ScannerId: "scale-probe"));
            if (!result.Stored)
            {
                throw new InvalidOperationException($"Writing {stream.StreamId} at v{version} failed: {result.Status}");
            }

            version += batch.Count;
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
