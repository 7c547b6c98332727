using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using Orleans.TestingHost;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A rebuild builds the new generation in memory from one read of the log: each of its shards adopts its image
/// and is written once, not once per page or checkpoint, and the rebuilt views equal the ones they replace.</summary>
public sealed class RebuildInMemoryGrainTests : IAsyncLifetime
{
    private readonly WriteRecordingGrainStorage _storage = new();
    private InProcessTestCluster _cluster = null!;

    // Checkpoints every 200 ms and catch-up pages of 2 events, one a tick: a rebuild fed by pages would take many
    // checkpoints, each writing every shard that took events since the last (paged, this test saw 3 writes a shard).
    public async Task InitializeAsync() =>
        _cluster = await RecordingStorageCluster.StartAsync(_storage, o =>
        {
            o.ShardFlushInterval = TimeSpan.FromHours(1);
            o.PageSize = 2;
            o.RebuildPagesPerTick = 1;
            o.RebuildPageSize = 7;
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task GivenViewsOfSixWarehouses_WhenRebuilt_ThenEachNewShardIsWrittenOnceAndTheViewsAreTheSame()
    {
        var warehouses = Enumerable.Range(0, 6).Select(w => $"wh-mem-{w}").ToList();
        var head = 0L;
        foreach (var sku in new[] { "a", "b", "c" })
        {
            foreach (var warehouse in warehouses)
            {
                var item = _cluster.Client.GetGrain<IStockItemGrain>($"{warehouse}/{sku}");
                await item.ExecuteAsync(Commands.Receive(9));
                head = Math.Max(head, (await item.ExecuteAsync(Commands.Pick(2))).Position);
            }
        }

        var admin = _cluster.Client.GetGrain<IProjectionAdminGrain>(0);
        await ProjectionClusterFixture.EventuallyAsync(admin.GetStatusesAsync, s => s.All(p => p.Checkpoint.Position >= head));
        var views = _cluster.Client.GetGrain<IViewsGrain>(0);
        var before = await Task.WhenAll(warehouses.Select(w => views.GetWarehouseStockAsync(w, null, 10)));
        await _cluster.Client.GetGrain<IProjectionCoordinatorGrain>("warehouses").CatchUpNowAsync(); // the current shards write what they took
        var writesBefore = _storage.ShardWrites("warehouse-view");

        await admin.RebuildAsync("warehouses");
        var rebuilt = await ProjectionClusterFixture.EventuallyAsync(
            async () => (await admin.GetStatusesAsync()).Single(s => s.Name == "warehouses"), s => s.Generation == 2 && s.Rebuild is null, seconds: 20);

        Assert.Equal(warehouses.Count, _storage.ShardWrites("warehouse-view") - writesBefore);
        Assert.Equal(warehouses.Count, rebuilt.Partitions);
        var after = await Task.WhenAll(warehouses.Select(w => views.GetWarehouseStockAsync(w, null, 10)));
        Assert.Equal(before.Select(p => p.Totals), after.Select(p => p.Totals));
        Assert.Equal(before.Select(p => string.Join(",", p.Items.Select(i => $"{i.Sku}:{i.OnHand}:{i.Version}"))), after.Select(p => string.Join(",", p.Items.Select(i => $"{i.Sku}:{i.OnHand}:{i.Version}"))));
    }
}
