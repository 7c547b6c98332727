using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Grains.Tests.Projections;

/// <summary>The read side on a test cluster: movements reach every view through the live stream, events whose
/// stream message never came reach them through catch-up, and the figures tell the truth.</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class ProjectionGrainTests(ProjectionClusterFixture fixture)
{
    [Fact]
    public async Task GivenAMovementInANewWarehouse_WhenWaitingForItsListedPosition_ThenTheOverviewListsTheWarehouseAtOnce()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var moved = await fixture.Item(warehouse, "pears").ExecuteAsync(Commands.Receive(4));

        Assert.True(await fixture.Views.WaitForListedPositionAsync(moved.Position, TimeSpan.FromSeconds(10)));
        var listed = Assert.Single((await fixture.Views.GetOverviewAsync()).ByWarehouse, w => w.WarehouseId == warehouse);
        Assert.Equal(4, listed.Totals.OnHand);
        Assert.False(await fixture.Views.WaitForListedPositionAsync(long.MaxValue, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task GivenMovements_WhenApplied_ThenEveryViewShowsThem()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var sku = $"sku-{Guid.NewGuid():N}"[..12];
        await fixture.Item(warehouse, "apples").ExecuteAsync(Commands.Receive(10));
        await fixture.Item(warehouse, "apples").ExecuteAsync(new SetReorderPoint { MovementId = Guid.NewGuid(), ReorderPoint = 8 });
        await fixture.Item(warehouse, "apples").ExecuteAsync(Commands.Pick(3));
        var last = await fixture.Item(warehouse, sku).ExecuteAsync(Commands.Receive(5));

        Assert.True(await fixture.Views.WaitForPositionAsync(last.Position, TimeSpan.FromSeconds(10)));
        Assert.False(await fixture.Views.WaitForPositionAsync(long.MaxValue, TimeSpan.FromSeconds(10)));
        var stock = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Views.GetWarehouseStockAsync(warehouse, null, 10), p => p.Items.Count == 2 && p.Items[0].Version == 3);
        Assert.Equal(("apples", 7L, 8), (stock.Items[0].Sku, stock.Items[0].OnHand, stock.Items[0].ReorderPoint));
        Assert.Equal(new StockTotals(2, 12, 0, 12, 1), stock.Totals);
        Assert.Equal(["apples"], (await fixture.Views.GetLowStockAsync(warehouse)).Select(l => l.Sku));
        var recent = await fixture.Views.GetRecentMovementsAsync(warehouse);
        Assert.Equal([sku, "apples", "apples", "apples"], recent.Select(r => r.Sku));
        Assert.Equal(-3, recent[1].OnHandDelta);
        var across = await fixture.Views.GetSkuStockAsync(sku);
        Assert.Equal(warehouse, Assert.Single(across.Warehouses).WarehouseId);
        var overview = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Views.GetOverviewAsync(), o => o.ByWarehouse.Any(w => w.WarehouseId == warehouse && w.Movements == 4));
        Assert.Contains(warehouse, overview.ByWarehouse.Select(w => w.WarehouseId));
        Assert.True(overview.Skus >= 2 && overview.Totals.OnHand >= 12);
    }

    [Fact]
    public async Task GivenAPagedWarehouse_WhenReadAfterASku_ThenPagesFollowInSkuOrder()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        foreach (var sku in new[] { "c", "a", "b" })
        {
            await fixture.Item(warehouse, sku).ExecuteAsync(Commands.Receive(1));
        }

        var first = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Views.GetWarehouseStockAsync(warehouse, null, 2), p => p.Totals.Items == 3);
        var second = await fixture.Views.GetWarehouseStockAsync(warehouse, first.Next, 2);

        Assert.Equal(["a", "b"], first.Items.Select(i => i.Sku));
        Assert.Equal("b", first.Next);
        Assert.Equal(["c"], second.Items.Select(i => i.Sku));
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task GivenEventsWhoseStreamMessagesNeverCame_WhenNothingElseHappens_ThenCatchUpBringsThemToTheViews()
    {
        // Appended straight into the store, as if the silo died between the commit and the publish.
        var readWhole = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.MeterName && instrument.Name == ProjectionMetrics.CaughtUpWholeName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "projection", Value: string projection })
                {
                    readWhole.AddOrUpdate(projection, value, (_, sum) => sum + value);
                }
            }
        });
        listener.Start();
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var log = new StockItemStream(fixture.Store, $"{warehouse}/lost");
        var received = new StockReceived { MovementId = Guid.NewGuid(), RecordedAt = DateTimeOffset.UtcNow, OnHandAfter = 9, ReservedAfter = 0, Quantity = 9 };
        var result = await log.AppendAsync(0, [received], new EventMetadata());
        Assert.Equal(AppendStatus.Appended, result.Status);

        var stock = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Views.GetWarehouseStockAsync(warehouse, null, 10), p => p.Items.Count == 1);

        Assert.Equal(9, stock.Items[0].OnHand);
        Assert.True(await fixture.Views.WaitForAsync($"{warehouse}/lost", result.Positions[0], TimeSpan.FromSeconds(5)));
        Assert.True(readWhole.GetValueOrDefault("warehouses") >= 1 && readWhole.GetValueOrDefault("skus") >= 1, string.Join(", ", readWhole));
    }

    [Fact]
    public async Task GivenTheViewsHaveCaughtUp_WhenStatusesAreRead_ThenEveryProjectionIsLiveWithNoLag()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var last = await fixture.Item(warehouse, "x").ExecuteAsync(Commands.Receive(2));

        var statuses = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Admin.GetStatusesAsync(),
            s => s.All(p => p.LagEvents == 0 && p.Checkpoint.Position >= last.Position && p.Health == ProjectionHealth.Live));

        Assert.Equal(["poisonable", "skus", "warehouses"], statuses.Select(s => s.Name));
        Assert.All(statuses, s => Assert.True(s.HeadPosition >= last.Position && s.LagMilliseconds == 0 && s.LastAppliedAt is not null));
    }
}
