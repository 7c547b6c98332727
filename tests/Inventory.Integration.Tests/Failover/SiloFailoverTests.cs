using System.Diagnostics;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Silo;
using Inventory.StockItems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Failover;

/// <summary>
/// Two real silo processes on loopback form a cluster through the membership table on PostgreSQL; a client finds
/// them through the same table. One silo is killed with SIGKILL and the survivor takes over its grains.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class SiloFailoverTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string ServiceId = "failover-tests";
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly string _clusterId = $"failover-{Guid.NewGuid():N}";
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    [Fact]
    public async Task GivenTwoSilosOnPostgres_WhenOneIsKilled_ThenTheSurvivorServesEveryGrainWithinTheBound()
    {
        // Both start at once, so both also migrate the empty database at once.
        _silos.Add(SiloProcess.Start("silo-a", database.ConnectionString, _clusterId, ServiceId));
        _silos.Add(SiloProcess.Start("silo-b", database.ConnectionString, _clusterId, ServiceId));
        var joined = await Wait.UntilAsync(
            async () => (await MembersAsync()).Count(m => m.Status == ActiveStatus) == 2 || AnySiloExited(),
            StartBound, "both silos are Active in OrleansMembershipTable");
        Assert.False(AnySiloExited(), "A silo process exited during start-up.");
        Assert.Equal(_silos.Select(s => s.SiloPort).Order(), (await MembersAsync()).Select(m => m.Port).Order());
        output.WriteLine($"Both silos Active {joined.TotalSeconds:0.0} s after start.");

        var grains = (await StartClientAsync()).Services.GetRequiredService<IClusterClient>();
        var keys = Enumerable.Range(0, 20).Select(i => StockItemKey.Create("wh-failover", $"sku-{i:00}").ToString()).ToList();
        foreach (var key in keys)
        {
            var result = await Receive(grains, key).WaitAsync(CallTimeout);
            Assert.True(result.Accepted, $"{key}: {result.Rejection}");
        }

        var victim = _silos[0];
        victim.Kill();
        var sinceKill = Stopwatch.StartNew();
        var waiting = new HashSet<string>(keys);
        Exception? lastError = null;
        var recovered = await Wait.UntilAsync(async () =>
        {
            var round = await Task.WhenAll(waiting.Select(async key =>
            {
                try
                {
                    return (key, ok: (await Receive(grains, key).WaitAsync(CallTimeout)).Accepted);
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException or OperationCanceledException)
                {
                    lastError = ex;
                    return (key, ok: false);
                }
            }));
            waiting.ExceptWith(round.Where(r => r.ok).Select(r => r.key));
            return waiting.Count == 0;
        }, FailoverBound, $"all {keys.Count} stock items answer again after the kill (last error: {lastError?.GetType().Name})");
        output.WriteLine($"All {keys.Count} grains answered through the survivor {recovered.TotalSeconds:0.0} s after the SIGKILL.");

        await Wait.UntilAsync(
            async () => (await MembersAsync()).Single(m => m.Port == victim.SiloPort).Status == DeadStatus,
            FailoverBound - sinceKill.Elapsed, "the killed silo is declared Dead in OrleansMembershipTable");
        output.WriteLine($"Killed silo declared Dead {sinceKill.Elapsed.TotalSeconds:0.0} s after the SIGKILL.");
        Assert.False(_silos[1].HasExited);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            if (_client is not null)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _client.StopAsync(timeout.Token);
                }
                finally
                {
                    _client.Dispose();
                }
            }
        }
        finally
        {
            foreach (var silo in _silos)
            {
                silo.Dispose();
                output.WriteLine($"--- {silo.Name} (silo port {silo.SiloPort}, gateway {silo.GatewayPort}), last lines:");
                output.WriteLine(silo.Output);
            }
        }
    }

    private static Task<MovementResult> Receive(IClusterClient grains, string key) =>
        grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 });

    private bool AnySiloExited() => _silos.Any(s => s.HasExited);

    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresSiloExtensions.Invariant;
                o.ConnectionString = database.ConnectionString;
            })
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = _clusterId;
                o.ServiceId = ServiceId;
            }));
        _client = builder.Build();
        using var timeout = new CancellationTokenSource(StartBound);
        await _client.StartAsync(timeout.Token);
        return _client;
    }

    private async Task<List<(int Port, int Status)>> MembersAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT Port, Status FROM OrleansMembershipTable WHERE DeploymentId = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _clusterId });
        var members = new List<(int, int)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                members.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The silos have not migrated the schema yet.
        }

        return members;
    }
}
