using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>
/// Freshness of the views at a steady open-loop rate, in one in-process silo on a database of its own: (a) the silo's
/// own <c>inventory.projection.freshness</c> histogram per projection; (b) end to end, for one acknowledged movement in
/// <see cref="ReadSideOptions.SampleEvery"/>, from sending it until <see cref="IViewsGrain.WaitForAsync"/> sees it in
/// both views. The baseline is the write latency of the same movements.
/// </summary>
internal static class FreshnessBenchmark
{
    public const double TargetP99Millis = 250;

    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(5);

    public static async Task<FreshnessResult> RunAsync(ReadSideOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "fresh");
        await using var silo = await BenchSilo.StartAsync(database.ConnectionString);
        var grains = silo.Grains;
        var items = ItemSet.Create(options.Items, options.Warehouses);
        var popularity = new ZipfSampler(items.Keys.Count, options.Skew);
        using var freshness = new FreshnessListener();

        Progress.Step($"freshness: warm-up, 3 s at {options.Rate:N0}/s");
        await RunLoadAsync(grains, items, popularity, options.Rate, TimeSpan.FromSeconds(3), sampleEvery: 0, new LatencyRecorder(), new LatencyRecorder(), seed: 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        freshness.Take();

        Progress.Step($"freshness: {options.Seconds} s at {options.Rate:N0}/s over {items.Keys.Count:N0} items ({items.Warehouses.Count} warehouses x {items.Skus.Count} SKUs)");
        var visible = new LatencyRecorder();
        var afterAck = new LatencyRecorder();
        var writes = await RunLoadAsync(grains, items, popularity, options.Rate, TimeSpan.FromSeconds(options.Seconds), options.SampleEvery, visible, afterAck, seed: 2);
        var inSilo = freshness.Take();
        var statuses = await grains.GetGrain<IProjectionAdminGrain>(0).GetStatusesAsync();
        return new FreshnessResult(writes.Summary, writes.Spread, inSilo, visible.Spread(), afterAck.Spread(), writes.Timeouts, statuses);
    }

    private static async Task<(LatencySummary Summary, Distribution Spread, long Timeouts)> RunLoadAsync(
        IGrainFactory grains, ItemSet items, ZipfSampler popularity, double rate, TimeSpan duration, int sampleEvery,
        LatencyRecorder visible, LatencyRecorder afterAck, int seed)
    {
        var views = grains.GetGrain<IViewsGrain>(0);
        var seeds = new Random(seed);
        long acknowledged = 0;
        long timeouts = 0;
        var writes = new LatencyRecorder();
        var summary = await OpenLoop.RunAsync(rate, duration, async (recorder, scheduled) =>
        {
            var random = new Random(seeds.Next());
            var key = items.Keys[popularity.Next(random)];
            try
            {
                var result = await grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(MovementCommands.Next(random));
                var elapsed = Stopwatch.GetElapsedTime(scheduled);
                recorder.Record(elapsed);
                writes.Record(elapsed);
                if (!result.Accepted)
                {
                    recorder.Rejected();
                    return;
                }

                if (sampleEvery > 0 && Interlocked.Increment(ref acknowledged) % sampleEvery == 0)
                {
                    var acked = Stopwatch.GetTimestamp();
                    if (await views.WaitForAsync(key, result.Position, WaitBound))
                    {
                        visible.Record(Stopwatch.GetElapsedTime(scheduled));
                        afterAck.Record(Stopwatch.GetElapsedTime(acked));
                    }
                    else
                    {
                        Interlocked.Increment(ref timeouts);
                    }
                }
            }
            catch (Exception ex) when (ex is StorageUnavailableException or TimeoutException)
            {
                recorder.Error();
            }
        });
        return (summary, writes.Spread(), timeouts);
    }
}
