using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using Orleans.TestingHost;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A periodic checkpoint has its shards write their state one at a time (all at once, they took the cores
/// from the stock items' appends), over as many ticks as it takes, and still stores its checkpoint once they all have.</summary>
public sealed class CheckpointPacingGrainTests : IAsyncLifetime
{
    private readonly WriteRecordingGrainStorage _storage = new();
    private InProcessTestCluster _cluster = null!;

    // Only checkpoints write: the shards' own timer would add writes of its own, and a first build in memory has its
    // shards adopt their images (8 writes at a time, once) if the events come before it has read the log.
    public async Task InitializeAsync() =>
        _cluster = await RecordingStorageCluster.StartAsync(_storage, o =>
        {
            o.ShardFlushInterval = TimeSpan.FromHours(1);
            o.RebuildInMemory = false;
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task GivenEventsInManyShards_WhenThePeriodicCheckpointsRun_ThenEachProjectionWritesOneShardAtATimeAndStoresItsCheckpoint()
    {
        var warehouses = Enumerable.Range(0, 24).Select(w => $"wh-{w:D2}").ToList();
        var last = await Task.WhenAll(warehouses.SelectMany(w => new[] { "a", "b" }.Select(sku =>
            _cluster.Client.GetGrain<IStockItemGrain>($"{w}/{sku}-{w}").ExecuteAsync(Commands.Receive(1)))));
        var head = last.Max(r => r.Position);

        await ProjectionClusterFixture.EventuallyAsync(
            () => Task.FromResult((_storage.StoredCheckpoint("warehouses").Position, _storage.StoredCheckpoint("skus").Position)),
            stored => stored.Item1 >= head && stored.Item2 >= head,
            seconds: 30);

        Assert.True(_storage.ShardWrites("warehouse-view") >= warehouses.Count, $"{_storage.ShardWrites("warehouse-view")} warehouse shard writes");
        Assert.True(_storage.ShardWrites("sku-view") >= 2, $"{_storage.ShardWrites("sku-view")} SKU bucket writes");
        Assert.Equal(1, _storage.MostShardWritesInFlight("warehouse-view"));
        Assert.Equal(1, _storage.MostShardWritesInFlight("sku-view"));
    }
}
