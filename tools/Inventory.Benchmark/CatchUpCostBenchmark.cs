using Inventory.Contracts.StockItems;

namespace Inventory.Benchmark;

/// <summary>
/// What the read side costs the database per movement, with catch-up skipping what the live path delivered
/// (<c>Inventory:Projections:CatchUpSkipsLiveDeliveries</c>, the default) and without (the baseline: catch-up reads every
/// event again). Rounds alternate between the two, each on a fresh database and silo: a warm-up, then
/// <see cref="ReadSideOptions.Seconds"/> at <see cref="ReadSideOptions.Rate"/>, measuring the server's CPU
/// (<see cref="DatabaseServerCpu"/>) and this process's (the silo and the load) over the accepted movements.
/// </summary>
internal static class CatchUpCostBenchmark
{
    private const int Rounds = 2;

    public static async Task<CatchUpCostResult> RunAsync(ReadSideOptions options)
    {
        var items = ItemSet.Create(options.Items, options.Warehouses);
        var popularity = new ZipfSampler(items.Keys.Count, options.Skew);
        var skipping = new CatchUpCost();
        var reading = new CatchUpCost();
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var skips in new[] { false, true })
            {
                var cost = await RoundAsync(options, items, popularity, skips, round);
                (skips ? skipping : reading).Add(cost);
                Progress.Step($"catch-up cost, round {round}, {(skips ? "skipping live deliveries" : "reading every event")}: {cost}");
            }
        }

        return new CatchUpCostResult(skipping, reading);
    }

    private static async Task<CatchUpCost> RoundAsync(ReadSideOptions options, ItemSet items, ZipfSampler popularity, bool skips, int round)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, $"cost{round}{(skips ? "skip" : "read")}");
        await using var silo = await BenchSilo.StartAsync(database.ConnectionString, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Inventory:Projections:CatchUpSkipsLiveDeliveries"] = skips ? "true" : "false",
        });
        var server = await DatabaseServerCpu.FindAsync(database.ConnectionString);
        var statements = await CatchUpStatements.TryStartAsync(database.ConnectionString);
        await LoadAsync(silo.Grains, items, popularity, options.Rate, TimeSpan.FromSeconds(3), seed: round);
        await (statements?.ResetAsync() ?? Task.CompletedTask);
        var serverBefore = server?.Seconds() ?? double.NaN;
        var processBefore = Environment.CpuUsage.TotalTime;
        var movements = await LoadAsync(silo.Grains, items, popularity, options.Rate, TimeSpan.FromSeconds(options.Seconds), seed: 100 + round);
        var cost = new CatchUpCost();
        cost.Add(movements, (server?.Seconds() ?? double.NaN) - serverBefore, (Environment.CpuUsage.TotalTime - processBefore).TotalSeconds,
            statements is null ? double.NaN : await statements.MillisAsync());
        await silo.StopAsync();
        return cost;
    }

    /// <summary>Movements at an open-loop rate; returns how many were accepted.</summary>
    private static async Task<long> LoadAsync(IGrainFactory grains, ItemSet items, ZipfSampler popularity, double rate, TimeSpan duration, int seed)
    {
        var seeds = new Random(seed);
        long accepted = 0;
        await OpenLoop.RunAsync(rate, duration, async (recorder, _) =>
        {
            var random = new Random(seeds.Next());
            try
            {
                var result = await grains.GetGrain<IStockItemGrain>(items.Keys[popularity.Next(random)]).ExecuteAsync(MovementCommands.Next(random));
                if (result.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
            catch (Exception ex) when (ex is StorageUnavailableException or TimeoutException)
            {
                recorder.Error();
            }
        });
        return accepted;
    }
}

/// <summary>Accepted movements and the CPU seconds the database server and this process used over them.</summary>
internal sealed class CatchUpCost
{
    public long Movements { get; private set; }

    public double ServerSeconds { get; private set; }

    public double ProcessSeconds { get; private set; }

    public double ServerMillisPerMovement => ServerSeconds * 1000 / Movements;

    public double ProcessMillisPerMovement => ProcessSeconds * 1000 / Movements;

    /// <summary>Execution time of the catch-up's log reads in the server (pg_stat_statements; NaN without it).</summary>
    public double CatchUpMillis { get; private set; }

    public double CatchUpMicrosPerMovement => CatchUpMillis * 1000 / Movements;

    public void Add(CatchUpCost other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other.Movements, other.ServerSeconds, other.ProcessSeconds, other.CatchUpMillis);
    }

    public void Add(long movements, double serverSeconds, double processSeconds, double catchUpMillis)
    {
        Movements += movements;
        ServerSeconds += serverSeconds;
        ProcessSeconds += processSeconds;
        CatchUpMillis += catchUpMillis;
    }

    public override string ToString() =>
        $"{Movements:N0} movements; database {ServerMillisPerMovement:N3} ms CPU per movement (catch-up's log reads {CatchUpMicrosPerMovement:N1} µs), silo and load {ProcessMillisPerMovement:N3} ms";
}

/// <summary>The two modes' costs over all rounds.</summary>
internal sealed record CatchUpCostResult(CatchUpCost Skipping, CatchUpCost Reading);
