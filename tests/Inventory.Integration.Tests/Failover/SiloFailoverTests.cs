using System.Diagnostics;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.StockItems;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Failover;

/// <summary>
/// Two real silo processes on loopback form a cluster through the membership table on PostgreSQL; a client finds
/// them through the same table. One silo is killed with SIGKILL and the survivor takes over its grains.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class SiloFailoverTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly SiloCluster _cluster = new(database, output, "failover-tests");

    [Fact]
    public async Task GivenTwoSilosOnPostgres_WhenOneIsKilled_ThenTheSurvivorServesEveryGrainWithinTheBound()
    {
        var joined = await _cluster.StartSilosAsync(2);
        Assert.Equal(_cluster.Silos.Select(s => s.SiloPort).Order(), (await _cluster.MembersAsync()).Select(m => m.Port).Order());
        output.WriteLine($"Both silos Active {joined.TotalSeconds:0.0} s after start.");

        var grains = await _cluster.StartClientAsync();
        var keys = Enumerable.Range(0, 20).Select(i => StockItemKey.Create("wh-failover", $"sku-{i:00}").ToString()).ToList();
        foreach (var key in keys)
        {
            var result = await Receive(grains, key).WaitAsync(CallTimeout);
            Assert.True(result.Accepted, $"{key}: {result.Rejection}");
        }

        var victim = _cluster.Silos[0];
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
                catch (Exception ex) when (ex is TimeoutException or OrleansException or OperationCanceledException or StorageUnavailableException)
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
            async () => (await _cluster.MembersAsync()).Single(m => m.Port == victim.SiloPort).Status == SiloCluster.DeadStatus,
            FailoverBound - sinceKill.Elapsed, "the killed silo is declared Dead in OrleansMembershipTable");
        output.WriteLine($"Killed silo declared Dead {sinceKill.Elapsed.TotalSeconds:0.0} s after the SIGKILL.");
        Assert.False(_cluster.Silos[1].HasExited);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private static Task<MovementResult> Receive(IClusterClient grains, string key) =>
        grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 });
}
