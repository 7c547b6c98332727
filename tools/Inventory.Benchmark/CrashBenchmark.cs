using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The bound after a crash: two silo processes on PostgreSQL and an Orleans client sending an open-loop load. First a
/// full closed-loop load over both, counting silos declared dead while alive; then the silo that runs the
/// <c>warehouses</c> coordinator is SIGKILLed mid-load. Measures the time from the kill until its items answer again on
/// the survivor, and from the takeover (the membership table shows it Dead) until a check finds every view complete
/// (<see cref="ViewAudit"/>). Bounded in time; the silo processes are killed on the way out whatever happens.
/// </summary>
internal static class CrashBenchmark
{
    /// <summary>The hottest items, of which those on the killed silo are followed after the kill.</summary>
    public const int HotItems = 300;

    private const int FullLoadCallers = 64;
    private static readonly TimeSpan FullLoad = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadAfterTakeover = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CompleteBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<CrashResult> RunAsync(ReadSideOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "crash");
        await using var store = NpgsqlDataSource.Create(database.ConnectionString);
        Progress.Step("crash: starting two silo processes and a client");
        await using var cluster = await CrashCluster.StartAsync(database.ConnectionString, store);
        var (silos, membership, grains) = (cluster.Silos, cluster.Membership, cluster.Client);
        try
        {
            var items = ItemSet.Create(options.Items, options.Warehouses);
            var popularity = new ZipfSampler(items.Keys.Count, options.Skew);
            var seeds = new Random(3);
            Progress.Step($"crash: warm-up, 3 s at {options.CrashRate:N0}/s");
            await OpenLoop.RunAsync(options.CrashRate, TimeSpan.FromSeconds(3), (recorder, scheduled) => SendAsync(grains, items, popularity, new Random(seeds.Next()), new(), recorder, scheduled));
            await grains.GetGrain<IProjectionAdminGrain>(0).GetStatusesAsync();

            // Failure detection tuned for a fast takeover must not declare a live silo dead when the cores are saturated.
            Progress.Step($"crash: full load, {FullLoadCallers} callers for {FullLoad.TotalSeconds:N0} s over both silos");
            var fullLoad = await new MovementLoad(grains, items.Keys, popularity).RunClosedAsync(FullLoadCallers, FullLoad);
            var deadUnderLoad = await membership.CountDeadAsync();
            if (deadUnderLoad > 0 || silos.Any(s => s.HasExited))
            {
                throw new InvalidOperationException($"A live silo was declared dead under load ({deadUnderLoad}; {fullLoad}): failure detection is too eager for this machine.");
            }

            var management = grains.GetGrain<IManagementGrain>(0);
            var coordinatorSilos = await Task.WhenAll(new[] { StandardProjections.Warehouses.Name, StandardProjections.Skus.Name }
                .Select(async name => (Name: name, Port: (await management.GetActivationAddress(grains.GetGrain<IProjectionCoordinatorGrain>(name)))?.Endpoint.Port)));
            var victimPort = coordinatorSilos[0].Port ?? silos[1].SiloPort;
            var victim = silos.Single(s => s.SiloPort == victimPort);
            var hosts = await Task.WhenAll(items.Keys.Take(HotItems).Select(async key =>
                (Key: key, Port: (await management.GetActivationAddress(grains.GetGrain<IStockItemGrain>(key)))?.Endpoint.Port)));
            var victimItems = hosts.Where(h => h.Port == victimPort).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);

            Progress.Step($"crash: {options.CrashRate:N0}/s open loop; SIGKILL of {victim.Name} after {BeforeKill.TotalSeconds:N0} s");
            var records = new ConcurrentQueue<MovementRecord>();
            using var stopLoad = new CancellationTokenSource();
            var load = OpenLoop.RunAsync(options.CrashRate, TimeSpan.FromSeconds(60), (recorder, scheduled) => SendAsync(grains, items, popularity, new Random(seeds.Next()), records, recorder, scheduled), stopLoad.Token);
            await Task.Delay(BeforeKill);
            var killed = Stopwatch.GetTimestamp();
            victim.Kill();

            // The survivor takes over when the cluster declares the killed silo dead: until then, calls to the grains
            // whose directory entries still point at it fail. The load stops a few seconds after that.
            var takeover = await membership.WaitForDeadAsync(victim.SiloPort, killed, TakeoverBound);
            stopLoad.CancelAfter(takeover is null ? TimeSpan.Zero : LoadAfterTakeover);
            var (complete, underLoad, checks, first, last) = takeover is { } from
                ? await WaitForCompleteViewsAsync(new ViewAudit(store, grains, items), from, stopLoad.Token)
                : (double.NaN, false, 0, null, null);
            await load;
            IReadOnlyList<ProjectionStatus> statuses = [];
            try
            {
                statuses = await grains.GetGrain<IProjectionAdminGrain>(0).GetStatusesAsync();
            }
            catch (Exception ex)
            {
                Progress.Step($"crash: projection statuses not read: {ex.GetType().Name}: {ex.Message}");
            }

            var all = records.ToArray();
            var failures = all.Where(r => !r.Acknowledged).ToArray();
            var afterKill = all.Where(r => r.Sent >= killed).ToArray();
            var backOnSurvivor = afterKill.Where(r => r.Acknowledged && victimItems.Contains(r.Key)).ToArray();
            var lastItemBack = backOnSurvivor.GroupBy(r => r.Key).Select(g => g.Min(r => r.Finished)).DefaultIfEmpty(long.MinValue).Max();
            return new CrashResult(
                fullLoad,
                deadUnderLoad + await membership.CountDeadAsync() - 1,
                victim.Name,
                [.. coordinatorSilos.Where(c => c.Port == victimPort).Select(c => c.Name)],
                victimItems.Count,
                Distribution.Of(all.Where(r => r.Acknowledged && r.Finished < killed).Select(r => Stopwatch.GetElapsedTime(r.Sent, r.Finished).TotalMilliseconds)),
                Millis(killed, backOnSurvivor.Select(r => (long?)r.Finished).Min()),
                Millis(killed, takeover),
                lastItemBack == long.MinValue ? double.NaN : Stopwatch.GetElapsedTime(killed, lastItemBack).TotalMilliseconds,
                complete,
                underLoad,
                checks,
                first,
                last,
                all.Length,
                failures.Length,
                failures.Length == 0 ? 0 : Stopwatch.GetElapsedTime(killed, failures.Max(r => r.Finished)).TotalMilliseconds,
                (afterKill.Count(r => victimItems.Contains(r.Key)), afterKill.Count(r => !r.Acknowledged && victimItems.Contains(r.Key))),
                (afterKill.Count(r => !victimItems.Contains(r.Key)), afterKill.Count(r => !r.Acknowledged && !victimItems.Contains(r.Key))),
                statuses);
        }
        catch
        {
            cluster.PrintSiloOutput();
            throw;
        }
    }

    private static async Task SendAsync(IGrainFactory grains, ItemSet items, ZipfSampler popularity, Random random, ConcurrentQueue<MovementRecord> records, LatencyRecorder recorder, long scheduled)
    {
        var key = items.Keys[popularity.Next(random)];
        var acknowledged = false;
        try
        {
            await grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(MovementCommands.Next(random));
            acknowledged = true;
            recorder.Record(Stopwatch.GetElapsedTime(scheduled));
        }
        catch (Exception)
        {
            recorder.Error();
        }

        records.Enqueue(new MovementRecord(key, scheduled, Stopwatch.GetTimestamp(), acknowledged));
    }

    private static double Millis(long from, long? to) => to is { } end ? Stopwatch.GetElapsedTime(from, end).TotalMilliseconds : double.NaN;

    /// <summary>Checks every <see cref="CheckInterval"/> from the takeover on until one finds the views complete:
    /// milliseconds from the takeover to the end of that check, and whether it started before the load stopped.</summary>
    private static async Task<(double Millis, bool UnderLoad, int Checks, AuditResult? First, AuditResult? Last)> WaitForCompleteViewsAsync(
        ViewAudit audit, long takeover, CancellationToken loadStopped)
    {
        AuditResult? first = null, last = null;
        var checks = 0;
        while (Stopwatch.GetElapsedTime(takeover) < CompleteBound)
        {
            var started = Stopwatch.GetTimestamp();
            var underLoad = !loadStopped.IsCancellationRequested;
            last = await audit.CheckAsync();
            first ??= last;
            checks++;
            if (last.Complete)
            {
                return (Stopwatch.GetElapsedTime(takeover).TotalMilliseconds, underLoad, checks, first, last);
            }

            var wait = CheckInterval - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }

        return (double.NaN, false, checks, first, last);
    }
}
