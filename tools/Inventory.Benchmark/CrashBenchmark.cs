using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Projections;
using Inventory.StockItems;
using Inventory.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace Inventory.Benchmark;

/// <summary>
/// The bound after a crash: two silo processes on PostgreSQL and an Orleans client (ADO.NET clustering) sending an
/// open-loop load; the silo that runs the <c>warehouses</c> coordinator is SIGKILLed mid-load. Measures (a) the time
/// from the kill until an item that lived on the killed silo acknowledges a movement again (the survivor took over),
/// and (b) from the takeover (the membership table shows the killed silo Dead) until a check finds every view complete (<see cref="ViewAudit"/>). Bounded in time; the
/// silo processes are killed on the way out whatever happens.
/// </summary>
internal static class CrashBenchmark
{
    private const string ServiceId = "inventory-bench";
    private const int HotItems = 300;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadAfterTakeover = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CompleteBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FullLoad = TimeSpan.FromSeconds(20);
    private const int FullLoadCallers = 64;

    // Warnings, and the read side's own information lines (coordinators starting, catch-up, rebuilds).
    private static readonly Dictionary<string, string> QuietSilo = new(StringComparer.Ordinal)
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Inventory"] = "Information",
    };

    public static async Task<CrashResult> RunAsync(ReadSideOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "crash");
        await using var store = NpgsqlDataSource.Create(database.ConnectionString);
        var siloConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 30 }.ConnectionString;
        var clusterId = $"bench-{Guid.NewGuid():N}";
        var silos = new List<SiloProcess>();
        void KillAll(object? sender, EventArgs e) => silos.ForEach(s => s.Kill());
        AppDomain.CurrentDomain.ProcessExit += KillAll;
        IHost? client = null;
        try
        {
            var starting = Stopwatch.StartNew();
            silos.Add(SiloProcess.Start("silo-a", siloConnection, clusterId, ServiceId, QuietSilo));
            silos.Add(SiloProcess.Start("silo-b", siloConnection, clusterId, ServiceId, QuietSilo));
            await WaitForMembersAsync(store, clusterId, silos);
            client = await StartClientAsync(database.ConnectionString, clusterId);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            Console.WriteLine($"two silo processes active and a client connected after {starting.Elapsed.TotalSeconds:N1} s");

            var items = ItemSet.Create(options.Items, options.Warehouses);
            var popularity = new ZipfSampler(items.Keys.Count, options.Skew);
            var seeds = new Random(3);
            Console.WriteLine($"warm-up: 3 s at {options.CrashRate:N0}/s ...");
            await OpenLoop.RunAsync(options.CrashRate, TimeSpan.FromSeconds(3), (recorder, scheduled) => SendAsync(grains, items, popularity, new Random(seeds.Next()), new(), recorder, scheduled));
            await grains.GetGrain<IProjectionAdminGrain>(0).GetStatusesAsync();

            // Failure detection tuned for a fast takeover must not declare a live silo dead when the cores are saturated:
            // both silos under the write benchmark's heaviest load first, counting the silos the cluster declared dead.
            Console.WriteLine($"full load: {FullLoadCallers} callers, closed loop, {FullLoad.TotalSeconds:N0} s over both silos ...");
            var fullLoad = await new MovementLoad(grains, [.. items.Keys], popularity).RunClosedAsync(FullLoadCallers, FullLoad);
            var deadUnderLoad = await CountDeadAsync(store, clusterId);
            Console.WriteLine($"full load:            {fullLoad}; silos declared dead: {deadUnderLoad}, silo processes exited: {silos.Count(s => s.HasExited)}");
            if (deadUnderLoad > 0 || silos.Any(s => s.HasExited))
            {
                throw new InvalidOperationException($"A live silo was declared dead under load ({deadUnderLoad}): failure detection is too eager for this machine.");
            }

            var management = grains.GetGrain<IManagementGrain>(0);
            var coordinatorSilos = await Task.WhenAll(new[] { StandardProjections.Warehouses.Name, StandardProjections.Skus.Name }
                .Select(async name => (Name: name, Port: (await management.GetActivationAddress(grains.GetGrain<IProjectionCoordinatorGrain>(name)))?.Endpoint.Port)));
            var victimPort = coordinatorSilos[0].Port ?? silos[1].SiloPort;
            var victim = silos.Single(s => s.SiloPort == victimPort);
            var onVictim = coordinatorSilos.Where(c => c.Port == victimPort).Select(c => c.Name).ToList();
            var hosts = await Task.WhenAll(items.Keys.Take(HotItems).Select(async key =>
                (Key: key, Port: (await management.GetActivationAddress(grains.GetGrain<IStockItemGrain>(key)))?.Endpoint.Port)));
            var victimItems = hosts.Where(h => h.Port == victimPort).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);

            Console.WriteLine($"load: {options.CrashRate:N0}/s open loop; SIGKILL of {victim.Name} after {BeforeKill.TotalSeconds:N0} s; load stops {LoadAfterTakeover.TotalSeconds:N0} s after the takeover");
            var records = new ConcurrentQueue<MovementRecord>();
            using var stopLoad = new CancellationTokenSource();
            var load = OpenLoop.RunAsync(options.CrashRate, TimeSpan.FromSeconds(60), (recorder, scheduled) => SendAsync(grains, items, popularity, new Random(seeds.Next()), records, recorder, scheduled), stopLoad.Token);
            await Task.Delay(BeforeKill);
            var killed = Stopwatch.GetTimestamp();
            victim.Kill();

            // The survivor takes over when the cluster declares the killed silo dead: until then, calls to the grains
            // whose directory entries still point at it fail. (Some of its grains answer again earlier.)
            var takeover = await WaitForDeclaredDeadAsync(store, clusterId, victim.SiloPort, killed);
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
                Console.WriteLine($"projection statuses not read: {ex.GetType().Name}: {ex.Message}");
            }

            var all = records.ToArray();
            var failures = all.Where(r => !r.Acknowledged).ToArray();
            var firstAck = all.Where(r => r.Acknowledged && r.Sent >= killed && victimItems.Contains(r.Key)).Select(r => (long?)r.Finished).Min();
            var afterKill = all.Where(r => r.Sent >= killed).ToArray();
            var backAt = all.Where(r => r.Acknowledged && r.Sent >= killed && victimItems.Contains(r.Key))
                .GroupBy(r => r.Key).Select(g => g.Min(r => r.Finished)).DefaultIfEmpty(long.MinValue).Max();
            var falseDeaths = deadUnderLoad + await CountDeadAsync(store, clusterId) - 1;
            var result = new CrashResult(
                fullLoad,
                falseDeaths,
                victim.Name,
                onVictim,
                victimItems.Count,
                Distribution.Of(all.Where(r => r.Acknowledged && r.Finished < killed).Select(r => Stopwatch.GetElapsedTime(r.Sent, r.Finished).TotalMilliseconds)),
                Millis(killed, firstAck),
                Millis(killed, takeover),
                backAt == long.MinValue ? double.NaN : Stopwatch.GetElapsedTime(killed, backAt).TotalMilliseconds,
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
            result.Print(options.CrashRate);
            return result;
        }
        catch
        {
            foreach (var silo in silos)
            {
                Console.WriteLine($"--- {silo.Name} (silo port {silo.SiloPort}), last lines:{Environment.NewLine}{silo.Output}");
            }

            throw;
        }
        finally
        {
            if (client is not null)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await client.StopAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    // The silos may be gone already.
                }

                client.Dispose();
            }

            silos.ForEach(s => s.Dispose());
            foreach (var silo in silos)
            {
                var log = Path.Combine(Path.GetTempPath(), $"inventory-bench-{silo.Name}.log");
                await File.WriteAllTextAsync(log, silo.Output);
                Console.WriteLine($"{silo.Name}'s last {DotnetProcess.MaxOutputLines} lines of output: {log}");
            }

            AppDomain.CurrentDomain.ProcessExit -= KillAll;
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

    /// <summary>When the membership table first shows the killed silo Dead; null when not within <see cref="TakeoverBound"/>.</summary>
    private static async Task<long?> WaitForDeclaredDeadAsync(NpgsqlDataSource store, string clusterId, int siloPort, long killed)
    {
        const int deadStatus = 6;
        while (Stopwatch.GetElapsedTime(killed) < TakeoverBound)
        {
            await using var command = store.CreateCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $1 AND Port = $2 AND Status = $3");
            command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
            command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
            command.Parameters.Add(new NpgsqlParameter { Value = deadStatus });
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return Stopwatch.GetTimestamp();
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Silos of the cluster the membership table shows Dead.</summary>
    private static async Task<int> CountDeadAsync(NpgsqlDataSource store, string clusterId)
    {
        const int deadStatus = 6;
        await using var command = store.CreateCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $1 AND Status = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = deadStatus });
        return (int)(long)(await command.ExecuteScalarAsync())!;
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

    private static async Task WaitForMembersAsync(NpgsqlDataSource store, string clusterId, List<SiloProcess> silos)
    {
        const int activeStatus = 3;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartBound)
        {
            if (silos.Any(s => s.HasExited))
            {
                throw new InvalidOperationException("A silo process exited during start-up.");
            }

            try
            {
                await using var command = store.CreateCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $1 AND Status = $2");
                command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
                command.Parameters.Add(new NpgsqlParameter { Value = activeStatus });
                if ((long)(await command.ExecuteScalarAsync())! == silos.Count)
                {
                    return;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // Not migrated yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{silos.Count} silos were not Active in OrleansMembershipTable after {StartBound.TotalSeconds:N0} s.");
    }

    private static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            })
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ServiceId;
            })
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(StartBound);
        await host.StartAsync(timeout.Token);
        return host;
    }
}
