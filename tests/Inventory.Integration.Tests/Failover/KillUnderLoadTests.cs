using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.StockItems;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Failover;

/// <summary>
/// Scanners keep sending movements to two silo processes on PostgreSQL; one silo is killed with SIGKILL in the
/// middle. Scanners retry what failed with the same movement id, as real scanners do. Afterwards every
/// acknowledged movement is in the event store exactly once, at the version and balance it was acknowledged
/// with, and each item's state equals the fold of its stored events.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class KillUnderLoadTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const int Scanners = 16;
    private const int Items = 24;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(90);

    private readonly SiloCluster _cluster = new(database, output, "kill-under-load");

    [Fact]
    public async Task GivenScannersUnderLoad_WhenASiloIsKilled_ThenNoAcknowledgedMovementIsLostOrAppliedTwice()
    {
        await _cluster.StartSilosAsync(2);
        var grains = await _cluster.StartClientAsync();
        var keys = Enumerable.Range(0, Items).Select(i => $"wh-kill/sku-{i:00}").ToArray();
        var acknowledged = new ConcurrentDictionary<Guid, (string Key, MovementResult Result)>();
        var unanswered = new ConcurrentDictionary<Guid, (string Key, ReceiveStock Command)>();
        var failures = 0;

        var clock = Stopwatch.StartNew();
        var load = Task.WhenAll(Enumerable.Range(0, Scanners).Select(async scanner =>
        {
            var random = new Random(scanner);
            while (clock.Elapsed < LoadBeforeKill + LoadAfterKill)
            {
                var key = keys[random.Next(keys.Length)];
                var command = new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = random.Next(1, 5), ScannerId = $"scanner-{scanner}" };
                if (!await TrySendAsync(grains, key, command, acknowledged))
                {
                    Interlocked.Increment(ref failures);
                    unanswered[command.MovementId] = (key, command);
                    await Task.Delay(100);
                }
            }
        }));

        await Task.Delay(LoadBeforeKill);
        var beforeKill = acknowledged.Count;
        _cluster.Silos[0].Kill();
        output.WriteLine($"SIGKILL of {_cluster.Silos[0].Name} after {beforeKill} acknowledged movements.");
        await load;
        output.WriteLine($"Load over: {acknowledged.Count} acknowledged, {failures} failed attempts to retry.");
        Assert.True(failures > 0, "The kill disrupted no call: the drill did not test a failover.");

        // Scanners retry what got no answer, with the same movement id, until everything is answered.
        await Wait.UntilAsync(async () =>
        {
            foreach (var (id, (key, command)) in unanswered)
            {
                if (await TrySendAsync(grains, key, command, acknowledged))
                {
                    unanswered.TryRemove(id, out _);
                }
            }

            return unanswered.IsEmpty;
        }, SettleBound, "every movement is acknowledged after retries");

        Assert.True(acknowledged.Count > beforeKill, "Nothing was acknowledged after the kill.");
        var stored = await Ledger.ReadAsync(database.ConnectionString, "wh-kill/");
        Assert.Equal(stored.Count, stored.Select(e => (e.StreamId, e.MovementId)).Distinct().Count());
        Assert.Equal(acknowledged.Keys.Order(), stored.Select(e => e.MovementId).Order());
        foreach (var e in stored)
        {
            var (key, result) = acknowledged[e.MovementId];
            var @event = StockItemEventTypes.Serializer.Deserialize(e);
            Assert.Equal((key, result.Version, result.Position, result.OnHand), (e.StreamId, e.Version, e.GlobalPosition, @event.OnHandAfter));
        }

        foreach (var key in keys)
        {
            var events = stored.Where(e => e.StreamId == key).OrderBy(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Version));
            var folded = StockItem.Fold(events.Select(StockItemEventTypes.Serializer.Deserialize));
            var details = await grains.GetGrain<IStockItemGrain>(key).GetDetailsAsync().WaitAsync(CallTimeout);
            Assert.Equal((events.Count, folded.OnHand, folded.Reserved), (details.Version, details.OnHand, details.Reserved));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private static async Task<bool> TrySendAsync(IClusterClient grains, string key, ReceiveStock command, ConcurrentDictionary<Guid, (string, MovementResult)> acknowledged)
    {
        try
        {
            var result = await grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(command).WaitAsync(CallTimeout);
            Assert.True(result.Accepted, $"{key} refused {command.MovementId}: {result.Rejection}");
            if (acknowledged.TryGetValue(command.MovementId, out var earlier))
            {
                Assert.Equal(earlier.Item2.Version, result.Version);
            }

            acknowledged[command.MovementId] = (key, result);
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or OperationCanceledException or StorageUnavailableException)
        {
            return false;
        }
    }
}
