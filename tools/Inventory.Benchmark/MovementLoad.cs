using System.Diagnostics;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>Scanners sending movements to stock item grains: many items, skewed popularity.</summary>
internal sealed class MovementLoad(IGrainFactory grains, IReadOnlyList<string> keys, ZipfSampler popularity)
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
    public Task<LatencySummary> RunOpenAsync(double perSecond, TimeSpan duration)
    {
        // One generator: the open loop starts the sends one after another, and each draws its numbers before its first await.
        var random = new Random(42);
        return OpenLoop.RunAsync(perSecond, duration, (recorder, scheduled) => SendAsync(random, recorder, scheduled));
    }

    /// <summary>The item's popularity class and the answer, for the latency by kind (--diagnose).</summary>
    private static string KindOf(int rank, bool accepted) =>
        (rank == 0 ? "hottest item, " : rank < 10 ? "items ranked 2-10, " : "other items, ") + (accepted ? "applied" : "refused");

    private async Task SendAsync(Random random, LatencyRecorder recorder, long scheduledTimestamp)
    {
        var rank = popularity.Next(random);
        var command = MovementCommands.Next(random);
        try
        {
            var result = await grains.GetStockItem(keys[rank]).ExecuteAsync(command);
            recorder.Record(Stopwatch.GetElapsedTime(scheduledTimestamp), KindOf(rank, result.Accepted));
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
