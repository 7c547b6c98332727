using System.Diagnostics;
using System.Runtime;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// Flat as the ledger grows: one silo on a fresh database measures the write side's figures on a nearly empty ledger
/// (only the measurement's own movements in it), then the ledger is loaded through the silo's event store
/// (<see cref="LedgerSeeder"/>: the domain's decisions, appends of up to 100 events, snapshots) to
/// <see cref="ScaleOptions.BaseEvents"/> and on to <see cref="ScaleOptions.Events"/>, and the same figures are measured
/// again: grain movements/s at 64 callers, an item's history page, its as-of read, a cold activation. Every projection
/// is rebuilt at both sizes; its time per million events at the full size is compared with that at the base size.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Callers = 64;
    private const int ProbeEvents = 2_000;
    private const int ProbeCalls = 200;
    private const int ActivationEvents = 10_000;

    public static async Task<int> RunAsync(ScaleOptions options)
    {
        Console.WriteLine($"Inventory scale benchmark: {ProcessCounters.MachineCores} cores (load average {Progress.LoadAverage()}), "
            + $"{options.Events:N0} events over {options.Items:N0} items (Zipf s={options.Skew}), rebuild also at {options.BaseEvents:N0}; "
            + $"{Callers} callers over {options.LoadItems:N0} of the items for {options.Seconds} s");
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "scale");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var silo = await BenchSilo.StartAsync(database.ConnectionString);
        var store = silo.Services.GetRequiredService<IEventStore>();
        var catalog = silo.Services.GetRequiredService<ProjectionCatalog>();
        var admin = silo.Grains.GetGrain<IProjectionAdminGrain>(0);

        // The base part of the ledger goes to its share of the items, the rest to the others: every item is written once.
        var items = ItemSet.Create(options.Items, 10);
        var baseItems = (int)Math.Clamp(options.Items * options.BaseEvents / options.Events, 1, options.Items - 1);
        // The measured movements go to items of their own, the same at both sizes: the second time into a large ledger.
        var loadKeys = Enumerable.Range(0, options.LoadItems).Select(i => $"wh-{i % 10:D2}/load-{i:D6}").ToArray();
        var load = new MovementLoad(silo.Grains, loadKeys, new ZipfSampler(loadKeys.Length, 1.0));

        var empty = await MeasureAsync("empty ledger", options, silo, store, catalog, load, dataSource);

        var seeding = Stopwatch.StartNew();
        await SeedAsync(store, items with { Keys = [.. items.Keys.Take(baseItems)] }, options.BaseEvents, options.Skew, silo);
        await SettledAsync(admin, dataSource);
        var baseEvents = await LedgerEventsAsync(dataSource);
        var baseRebuild = await TimeRebuildAsync(silo);
        Progress.Step($"rebuild at {baseEvents:N0} events: {baseRebuild.TotalSeconds:N1} s");

        seeding.Start();
        await SeedAsync(store, items with { Keys = [.. items.Keys.Skip(baseItems)] }, options.Events - options.BaseEvents, options.Skew, silo);
        seeding.Stop();
        await SettledAsync(admin, dataSource);
        var full = await MeasureAsync("full ledger", options, silo, store, catalog, load, dataSource);
        var fullEvents = await LedgerEventsAsync(dataSource);
        var fullRebuild = await TimeRebuildAsync(silo);
        Progress.Step($"rebuild at {fullEvents:N0} events: {fullRebuild.TotalSeconds:N1} s");
        await silo.StopAsync();

        var table = new ResultsTable();
        table.Add($"seeding through the event store, {options.Events:N0} events", $"{options.Events / seeding.Elapsed.TotalSeconds:N0} events/s", "", double.NaN, "", null);
        var ledgers = $"{full.LedgerEvents:N0} vs {empty.LedgerEvents:N0} events";
        Higher(table, $"grain movements/s, {Callers} callers, {ledgers}", full.AppendsPerSecond, empty.AppendsPerSecond, "/s");
        Lower(table, $"history page of {ProbeEvents:N0}-event item, p50", full.HistoryMillis, empty.HistoryMillis);
        Lower(table, $"as-of read of {ProbeEvents:N0}-event item, p50", full.AsOfMillis, empty.AsOfMillis);
        Lower(table, $"cold activation, {ActivationEvents:N0} events (snapshot + tail), p50", full.ActivationMillis, empty.ActivationMillis);
        var perMillionFull = fullRebuild.TotalSeconds / (fullEvents / 1e6);
        var perMillionBase = baseRebuild.TotalSeconds / (baseEvents / 1e6);
        table.Add($"rebuild of every projection per million events, {fullEvents:N0} vs {baseEvents:N0}", $"{perMillionFull:N1} s", $"{perMillionBase:N1} s",
            perMillionFull / perMillionBase, "<= 1.25x", perMillionFull / perMillionBase <= 1.25);
        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine("baselines: the same figure on the nearly empty ledger in the same run (the rebuild's: at the base size); "
            + "movements/s: the best of two rounds; reads: medians of " + ProbeCalls + " calls (activation: of 5).");
        return 0;
    }

    /// <summary>Times a rebuild of every projection at once until every new generation has read and applied the log to
    /// its end (<see cref="ProjectionRebuild"/>, the ledger phase's measure): the handover that follows is a fixed wait,
    /// not a cost per event.</summary>
    private static async Task<TimeSpan> TimeRebuildAsync(BenchSilo silo) =>
        (await ProjectionRebuild.RunAsync(silo.Grains, TimeSpan.FromMinutes(30))).CaughtUp;

    private static async Task<ScaleFigures> MeasureAsync(string ledger, ScaleOptions options, BenchSilo silo, IEventStore store, ProjectionCatalog catalog,
        MovementLoad load, NpgsqlDataSource dataSource)
    {
        await VacuumAnalyzeAsync(dataSource);
        await WarmUpAsync(ledger, options, load);
        var best = 0.0;
        for (var round = 1; round <= 2; round++)
        {
            await ReadSideSettler.SettleAsync(silo.Grains, catalog);
            var answers = await load.RunClosedAsync(Callers, TimeSpan.FromSeconds(options.Seconds));
            Progress.Step($"{ledger}: round {round}: {answers}");
            best = Math.Max(best, answers.PerSecond);
        }

        await ReadSideSettler.SettleAsync(silo.Grains, catalog);
        var snapshotInterval = silo.Services.GetRequiredService<IOptions<StockItemOptions>>().Value.SnapshotInterval;

        // Each read once unmeasured (its code compiled, on a probe item of its own), then measured.
        await ScaleProbe.RunAsync(store, silo.Grains, ProbeEvents, ProbeCalls / 10);
        var (history, asOf) = await ScaleProbe.RunAsync(store, silo.Grains, ProbeEvents, ProbeCalls);
        Progress.Step($"{ledger}: history page p50 {history:N2} ms, as-of p50 {asOf:N2} ms");
        await ActivationBenchmark.RunAsync(store, silo.Grains, catalog, ActivationEvents, snapshotInterval);
        var (activation, _) = await ActivationBenchmark.RunAsync(store, silo.Grains, catalog, ActivationEvents, snapshotInterval);
        Progress.Step($"{ledger}: cold activation p50 {activation:N2} ms");
        return new ScaleFigures(await LedgerEventsAsync(dataSource), best, history, asOf, activation);
    }

    /// <summary>Movements until tiered compilation has settled (fewer than 100 methods compiled in a 5 s round) or
    /// <see cref="ScaleOptions.WarmUpSeconds"/> have passed: the empty ledger is measured on a new silo.</summary>
    private static async Task WarmUpAsync(string ledger, ScaleOptions options, MovementLoad load)
    {
        var clock = Stopwatch.StartNew();
        long jitted;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            await load.RunClosedAsync(Callers, TimeSpan.FromSeconds(5));
            jitted = JitInfo.GetCompiledMethodCount() - before;
        }
        while (jitted > 100 && clock.Elapsed.TotalSeconds < options.WarmUpSeconds);
        Progress.Step($"{ledger}: warm-up {clock.Elapsed.TotalSeconds:N0} s, {jitted:N0} methods compiled in its last 5 s");
    }

    private static async Task SeedAsync(IEventStore store, ItemSet items, long events, double skew, BenchSilo silo)
    {
        var gate = new object();
        var next = 500_000L;
        var started = Stopwatch.GetTimestamp();
        var snapshotInterval = silo.Services.GetRequiredService<IOptions<StockItemOptions>>().Value.SnapshotInterval;
        var streams = await LedgerSeeder.SeedAsync(store, items, events, skew, snapshotInterval, written =>
        {
            lock (gate)
            {
                if (written >= next)
                {
                    Progress.Step($"seeded {written:N0} of {events:N0} events");
                    next = written + 500_000;
                }
            }
        }, CancellationToken.None);
        Progress.Step($"seeded {events:N0} events over {streams:N0} streams in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
    }

    /// <summary>Until every projection has caught up with the ledger's head (the silo's read side builds as the load goes in).</summary>
    private static async Task SettledAsync(IProjectionAdminGrain admin, NpgsqlDataSource dataSource)
    {
        var started = Stopwatch.GetTimestamp();
        var end = await ProjectionRebuild.LogEndAsync(dataSource);
        await ProjectionRebuild.UntilAsync(admin, statuses => statuses.All(s => s.Rebuild is null && s.Checkpoint >= end), "catch-up", TimeSpan.FromHours(1));
        Progress.Step($"read side caught up with the log's end {end} ({Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s after the load)");
    }

    private static async Task<long> LedgerEventsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM events");
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>As autovacuum leaves a ledger that has been in use: visibility map set, statistics current.</summary>
    private static async Task VacuumAnalyzeAsync(NpgsqlDataSource dataSource)
    {
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE events");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>A figure where more is better: within 1.25x means at least 0.8x of the baseline.</summary>
    private static void Higher(ResultsTable table, string figure, double measured, double baseline, string unit) =>
        table.Add(figure, $"{measured:N0}{unit}", $"{baseline:N0}{unit}", measured / baseline, ">= 0.8x", measured / baseline >= 0.8);

    /// <summary>A latency: within 1.25x of the baseline.</summary>
    private static void Lower(ResultsTable table, string figure, double measured, double baseline) =>
        table.Add(figure, $"{measured:N2} ms", $"{baseline:N2} ms", measured / baseline, "<= 1.25x", measured / baseline <= 1.25);
}
