using System.Diagnostics;
using System.Runtime;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The write side: stock item grains on PostgreSQL against a plain Npgsql baseline, in one run. Closed loops at 16 and
/// 64 callers (64 in alternating rounds, judged on the median round, as the shared machine drifts), then both sides'
/// open loops at half the 64-caller rate, the activation of an item with a long history, and memory per active item.
/// </summary>
internal sealed class WriteSideBenchmark
{
    /// <summary>The events of the item whose activation is measured.</summary>
    public const int HistoryEvents = 100_000;

    private readonly WriteSideOptions _options;
    private readonly BenchSilo _silo;
    private readonly NpgsqlDataSource _closedLoopSource;
    private readonly NpgsqlDataSource _openLoopSource;
    private readonly AppendLatencyListener _appends;
    private readonly MovementLoad _load;
    private readonly ProjectionCatalog _catalog;
    private readonly TimeSpan _phase;

    private WriteSideBenchmark(WriteSideOptions options, BenchSilo silo, NpgsqlDataSource closedLoopSource, NpgsqlDataSource openLoopSource, AppendLatencyListener appends)
    {
        _options = options;
        _silo = silo;
        _closedLoopSource = closedLoopSource;
        _openLoopSource = openLoopSource;
        _appends = appends;
        _catalog = silo.Services.GetRequiredService<ProjectionCatalog>();
        _phase = TimeSpan.FromSeconds(options.Seconds);
        var keys = Enumerable.Range(0, options.Items).Select(i => $"wh-{i % 10:D2}/sku-{i:D6}").ToArray();
        _load = new MovementLoad(silo.Grains, keys, new ZipfSampler(keys.Length, options.Skew));
    }

    public static async Task<int> RunAsync(WriteSideOptions options)
    {
        Console.WriteLine($"Inventory write-side benchmark: {ProcessCounters.MachineCores} cores (load average {Progress.LoadAverage()}), {options.Seconds} s phases, {options.Items:N0} items (Zipf s={options.Skew}), "
            + (options.ProjectionsLive ? "read side live (as in production)" : "read side idle (--projections idle: the write path alone)"));
        await using (var admin = NpgsqlDataSource.Create(options.ConnectionString))
        {
            await BaselineBenchmark.PrepareAsync(admin);
        }

        await using var silo = await BenchSilo.StartAsync(options.ConnectionString, options.ProjectionsLive ? null : ReadSideSettings.Idle);

        // The baseline has connections of its own, never the silo's: enough for 64 writers in the closed loop, and in
        // the open loop as many as the silo's pool holds, so that neither side queues less in its pool than the other.
        var siloPool = new NpgsqlConnectionStringBuilder(silo.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxPoolSize;
        await using var closedLoop = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = 80 }.ConnectionString);
        await using var openLoop = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = siloPool }.ConnectionString);
        using var appends = new AppendLatencyListener();
        await new WriteSideBenchmark(options, silo, closedLoop, openLoop, appends).MeasureAsync();
        return 0;
    }

    private async Task MeasureAsync()
    {
        await WarmUpAsync();
        var (baseline16, grains16) = await PairAsync(16, "");
        var rounds = new List<(PhaseResult Baseline, PhaseResult Grains)>();
        for (var round = 1; round <= _options.Rounds; round++)
        {
            rounds.Add(await PairAsync(64, $" (round {round} of {_options.Rounds})"));
        }

        // Half the median of the rounds' grain rates (not the median round's, which a slow baseline could pick).
        var rate = _options.OpenRate ?? rounds.Select(r => r.Grains.Answers.PerSecond).Order().ElementAt(rounds.Count / 2) / 2;
        await SettleAsync();
        var baselineOpen = await MeasureAsync($"baseline, open loop at {rate:N0}/s", () => BaselineBenchmark.RunOpenAsync(_openLoopSource, rate, _phase));

        // A run-in of the same load, not measured: the phase before is the baseline's, whose overloaded one-row
        // transactions leave the server writing back and often checkpointing.
        await SettleAsync();
        await _load.RunOpenAsync(rate, TimeSpan.FromSeconds(2));
        var checkpoint = _options.CheckpointInPhase ? ForcedCheckpoint.IssueAsync(_openLoopSource) : null;
        var grainsOpen = await MeasureAsync($"grains, open loop at {rate:N0}/s", () => _load.RunOpenAsync(rate, _phase));
        var checkpointFailure = checkpoint is null ? null : await checkpoint;

        Progress.Step($"activation of an item with {HistoryEvents:N0} events, then memory per active item ({_options.MemoryItems:N0} items)");
        var snapshotInterval = _silo.Services.GetRequiredService<IOptions<StockItemOptions>>().Value.SnapshotInterval;
        var (withSnapshot, fullFold) = await ActivationBenchmark.RunAsync(_silo.Services.GetRequiredService<IEventStore>(), _silo.Grains, _catalog, HistoryEvents, snapshotInterval);
        var bytesPerItem = await MemoryBenchmark.BytesPerActiveItemAsync(_silo.Grains, _catalog, _options.MemoryItems);
        await _silo.StopAsync();

        new WriteSideResults(rounds, (baseline16, grains16), (baselineOpen, grainsOpen), rate, _options.OpenRate is null, checkpoint is not null, checkpointFailure,
            snapshotInterval, withSnapshot, fullFold, bytesPerItem).Print(Console.Out);
    }

    /// <summary>Mixed load until tiered compilation has settled (fewer than 100 methods compiled in a round of both
    /// loads, closed and open): a silo runs for days, and in its first minute the JIT takes a large share of the cores.</summary>
    private async Task WarmUpAsync()
    {
        var clock = Stopwatch.StartNew();
        long jitted;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            await BaselineBenchmark.RunAsync(_closedLoopSource, 16, TimeSpan.FromSeconds(1));
            await _load.RunClosedAsync(16, TimeSpan.FromSeconds(2));
            await _load.RunClosedAsync(64, TimeSpan.FromSeconds(2));
            await BaselineBenchmark.RunOpenAsync(_openLoopSource, 500, TimeSpan.FromSeconds(1));
            await _load.RunOpenAsync(1000, TimeSpan.FromSeconds(2));
            jitted = JitInfo.GetCompiledMethodCount() - before;
            Progress.Step($"warm-up: {jitted:N0} methods compiled in the last round");
        }
        while (jitted > 100 && clock.Elapsed.TotalSeconds < _options.WarmUpSeconds);
        Console.WriteLine($"warm-up: {clock.Elapsed.TotalSeconds:N0} s, until the JIT compiled {jitted:N0} methods in an 8 s round of both loads");
    }

    /// <summary>A baseline phase, then a grain phase at the same concurrency, each after the read side has settled.</summary>
    private async Task<(PhaseResult Baseline, PhaseResult Grains)> PairAsync(int callers, string round)
    {
        await SettleAsync();
        var baseline = await MeasureAsync($"baseline, {callers} writers{round}", () => BaselineBenchmark.RunAsync(_closedLoopSource, callers, _phase));
        await SettleAsync();
        var grains = await MeasureAsync($"grains, {callers} callers{round}", () => _load.RunClosedAsync(callers, _phase));
        return (baseline, grains);
    }

    private async Task<PhaseResult> MeasureAsync(string name, Func<Task<LatencySummary>> run)
    {
        _appends.TakeSummary();
        var counters = ProcessCounters.Start();
        var answers = await run();
        var result = new PhaseResult(name, answers, _appends.TakeSummary(), counters.Stop());
        Progress.Step($"{name}: {answers.PerSecond:N0}/s, p99 {answers.P99Millis:N1} ms");
        if (_options.Diagnose)
        {
            foreach (var line in result.Describe())
            {
                Console.WriteLine(line);
            }
        }

        return result;
    }

    /// <summary>Lets the read side catch up with the phase before, so that the next one does not measure its backlog.</summary>
    private Task SettleAsync() => ReadSideSettler.SettleAsync(_silo.Grains, _catalog);
}
