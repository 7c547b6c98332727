using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using Orleans.TestingHost;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A shard's own timer writes events that have waited its interval unwritten: with checkpoints far
/// apart it is what writes the shard's events.</summary>
public sealed class ShardTimerGrainTests : IAsyncLifetime
{
    private readonly WriteRecordingGrainStorage _storage = new();
    private InProcessTestCluster _cluster = null!;

    // A first build in memory stores a checkpoint once (its shards adopt their images) if the event comes before it
    // has read the log: this is about the timer of shards fed by deliveries.
    public async Task InitializeAsync() =>
        _cluster = await RecordingStorageCluster.StartAsync(_storage, o =>
        {
            o.RebuildInMemory = false;
            o.CheckpointInterval = TimeSpan.FromHours(1);
            o.ShardFlushInterval = TimeSpan.FromMilliseconds(300);
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task GivenNoCheckpointForLongerThanTheInterval_WhenAShardHasUnwrittenEvents_ThenItsTimerWritesThem()
    {
        await _cluster.Client.GetGrain<IStockItemGrain>("wh-timer/sku-1").ExecuteAsync(Commands.Receive(4));

        var writes = await ProjectionClusterFixture.EventuallyAsync(
            () => Task.FromResult(_storage.ShardWrites("warehouse-view")), n => n >= 1);

        Assert.True(writes >= 1);
        Assert.Equal(default, _storage.StoredCheckpoint("warehouses"));
    }
}
