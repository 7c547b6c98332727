using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// What the projections' catch-up costs the database server (<c>--only catch-up-cost</c>): its CPU per movement with the
/// read side live, catch-up reading the log's entries first (<see cref="ProjectionOptions.CatchUpReadsEntriesFirst"/>)
/// against reading every event whole, which the live stream has nearly always delivered already. Each round is one
/// in-process silo with the setting, warmed up, then a fixed open loop well below saturation; the rounds alternate
/// (whole, entries first, entries first, whole, ...) so that neither setting always runs first and the machine's drift
/// falls on both alike, and each setting is judged on its median round. A round with the read side idle comes first:
/// the write path's own share of the server's CPU, for reference (and the process's JIT warms up on it).
/// </summary>
internal static class CatchUpCostBenchmark
{
    /// <summary>Unmeasured load at the round's rate before its window, in each silo.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>The window stays open this long after the last answer: two catch-up ticks (every 500 ms) to read the
    /// last movements, as they would under a load that went on.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(1);

    public static async Task<CatchUpCostResult> RunAsync(ReadSideOptions options)
    {
        var server = await DatabaseServerCpu.LocateAsync(options.ConnectionString);
        var items = ItemSet.Create(options.Items, options.Warehouses);
        var popularity = new ZipfSampler(items.Keys.Count, options.Skew);
        Task<CatchUpRound> RoundAsync(string name, IReadOnlyDictionary<string, string?> settings) =>
            MeasureRoundAsync(options, server, items, popularity, name, settings);

        var idle = await RoundAsync("read side idle", ReadSideSettings.Idle);
        var whole = new List<CatchUpRound>();
        var entriesFirst = new List<CatchUpRound>();
        for (var round = 1; round <= options.CatchUpRounds; round++)
        {
            foreach (var readsEntriesFirst in round % 2 == 1 ? new[] { false, true } : [true, false])
            {
                var name = $"catch-up reading {(readsEntriesFirst ? "entries first" : "every event whole")} (round {round} of {options.CatchUpRounds})";
                (readsEntriesFirst ? entriesFirst : whole).Add(await RoundAsync(name, ReadSideSettings.CatchUp(readsEntriesFirst)));
            }
        }

        return new CatchUpCostResult(server.IsLocal, idle, whole, entriesFirst);
    }

    /// <summary>
    /// One round on a database of its own: every round then starts from the same state (an empty log, tables and indexes
    /// of the same size, autovacuum's thresholds as far away), which one database reused would not give the later rounds,
    /// and the databases cost only a few seconds each to create, migrate and drop, outside the window. The server is
    /// checkpointed just before the window, so that the window does not take a share of writing back the migration and
    /// the warm-up, nor a timed checkpoint by chance.
    /// </summary>
    private static async Task<CatchUpRound> MeasureRoundAsync(
        ReadSideOptions options, DatabaseServerCpu server, ItemSet items, ZipfSampler popularity, string name, IReadOnlyDictionary<string, string?> settings)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "catchup");
        await using var silo = await BenchSilo.StartAsync(database.ConnectionString, settings);
        var load = new MovementLoad(silo.Grains, items.Keys, popularity);
        Progress.Step($"catch-up cost, {name}: warm-up, {WarmUp.TotalSeconds:N0} s at {options.CatchUpRate:N0}/s");
        await load.RunOpenAsync(options.CatchUpRate, WarmUp);
        await ReadSideSettler.SettleAsync(silo.Grains, silo.Services.GetRequiredService<ProjectionCatalog>());
        await using (var admin = NpgsqlDataSource.Create(options.ConnectionString))
        {
            await using var checkpoint = admin.CreateCommand("CHECKPOINT");
            await checkpoint.ExecuteNonQueryAsync();
        }

        using var reads = new CatchUpReads();
        var process = ProcessCounters.Start();
        var serverBefore = server.TotalMillis();
        var answers = await load.RunOpenAsync(options.CatchUpRate, TimeSpan.FromSeconds(options.CatchUpSeconds));
        await Task.Delay(Drain);
        var round = new CatchUpRound(name, answers, server.TotalMillis() - serverBefore, process.Stop(), reads.Events);
        Progress.Step($"catch-up cost, {round}");
        await silo.StopAsync();
        return round;
    }
}
