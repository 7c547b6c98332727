using System.Diagnostics;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>Scanners sending movements to stock item grains: many items, skewed popularity.</summary>
internal sealed class MovementLoad(IGrainFactory grains, string[] keys, ZipfSampler popularity)
{
    /// <summary>Closed loop: <paramref name="callers"/> callers, each sending its next movement when the last is answered.</summary>
    public async Task<LatencySummary> RunClosedAsync(int callers, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var random = new Random(caller);
            while (clock.Elapsed < duration)
            {
                await SendAsync(random, recorder, Stopwatch.GetTimestamp());
            }
        }));
        return recorder.Summarise(clock.Elapsed);
    }

    /// <summary>Open loop: movements arrive at a fixed rate whatever the answers do (see <see cref="OpenLoop"/>).</summary>
    public Task<LatencySummary> RunOpenAsync(double perSecond, TimeSpan duration, SlowAnswerTimeline? timeline = null)
    {
        // One generator for all sends: the open loop calls them one after another, and each draws its numbers before
        // its first await (a new seeded Random per send cost the load side an allocation and a seeding each).
        var random = new Random(42);
        return OpenLoop.RunAsync(perSecond, duration, (recorder, scheduled) => SendAsync(random, recorder, scheduled, timeline));
    }

    /// <summary>The item's popularity class and the answer: where a latency tail comes from.</summary>
    private static string KindOf(int rank, bool accepted) =>
        (rank == 0 ? "hottest item, " : rank < 10 ? "items ranked 2-10, " : "other items, ") + (accepted ? "applied" : "refused");

    private async Task SendAsync(Random random, LatencyRecorder recorder, long scheduledTimestamp, SlowAnswerTimeline? timeline = null)
    {
        var rank = popularity.Next(random);
        var key = keys[rank];
        StockCommand command = random.Next(10) < 7
            ? new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = random.Next(1, 20), ScannerId = "bench" }
            : new PickStock { MovementId = Guid.NewGuid(), Quantity = 1, ScannerId = "bench" };
        try
        {
            var result = await grains.GetStockItem(key).ExecuteAsync(command);
            var latency = Stopwatch.GetElapsedTime(scheduledTimestamp);
            recorder.Record(latency, KindOf(rank, result.Accepted));
            timeline?.Answer(scheduledTimestamp, latency);
            if (!result.Accepted)
            {
                recorder.Rejected();
            }
        }
        catch (Exception ex) when (ex is StorageUnavailableException or TimeoutException or OrleansException)
        {
            recorder.Error();
        }
    }
}
