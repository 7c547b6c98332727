using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>How long an item with a long history takes to activate: snapshot + tail, and (for reference) a full fold.</summary>
internal static class ActivationBenchmark
{
    public static async Task<(double WithSnapshotMillis, double FullFoldMillis)> RunAsync(IEventStore store, IGrainFactory grains, ProjectionCatalog catalog, int events, int snapshotInterval)
    {
        var key = $"bench-history/sku-{Guid.NewGuid():N}"[..40];
        var stream = new StockItemStream(store, key);
        var item = StockItem.Empty;
        var version = 0;
        var snapshotAt = events / snapshotInterval * snapshotInterval - (events % snapshotInterval == 0 ? snapshotInterval : 0);
        var recordedAt = DateTimeOffset.UtcNow;
        while (version < events)
        {
            var batch = new List<StockItemEvent>();
            for (var i = 0; i < 1000 && version + batch.Count < events; i++)
            {
                var received = new StockReceived { MovementId = Guid.NewGuid(), RecordedAt = recordedAt, Quantity = 1, OnHandAfter = item.OnHand + 1, ReservedAfter = 0 };
                item = StockItem.Evolve(item, received);
                batch.Add(received);
                if (version + batch.Count == snapshotAt)
                {
                    await stream.SaveSnapshotAsync(item, snapshotAt, recordedAt);
                }
            }

            var result = await stream.AppendAsync(version, batch, new EventMetadata(ScannerId: "bench"));
            if (!result.Stored)
            {
                throw new InvalidOperationException($"Seeding {key} failed: {result.Status}");
            }

            version += batch.Count;
        }

        await ReadSideSettler.SettleAsync(grains, catalog);
        var withSnapshot = await MedianActivationAsync(grains, key, events, 5);
        await store.DeleteSnapshotAsync(key);
        var fullFold = await MedianActivationAsync(grains, key, events, 1);
        return (withSnapshot, fullFold);
    }

    private static async Task<double> MedianActivationAsync(IGrainFactory grains, string key, int expectedVersion, int runs)
    {
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            var started = Stopwatch.GetTimestamp();
            var details = await grains.GetGrain<IStockItemGrain>(key).GetDetailsAsync();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (details.Version != expectedVersion)
            {
                throw new InvalidOperationException($"Activated {key} at v{details.Version}, expected v{expectedVersion}.");
            }
        }

        timings.Sort();
        return timings[timings.Count / 2];
    }
}
