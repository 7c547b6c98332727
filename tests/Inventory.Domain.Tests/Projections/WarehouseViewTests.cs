using Inventory.Contracts.Projections;
using Inventory.Projections;
using static Inventory.Domain.Tests.Projections.StockLog;

namespace Inventory.Domain.Tests.Projections;

/// <summary>The warehouse view's queries: stock pages in SKU order with totals, low stock, the last 100 movements.</summary>
public sealed class WarehouseViewTests
{
    [Fact]
    public async Task GivenItemsWithReorderPoints_WhenLowStockIsRead_ThenOnlyThoseBelowTheirPointAreListed()
    {
        var view = await ViewOfAsync(
            ("w/a", [Receive(10), ReorderAt(5)]),
            ("w/b", [Receive(10), ReorderAt(20)]),
            ("w/c", [Receive(8), ReorderAt(8), Reserve(1, "r-1")]));

        Assert.Equal(["b", "c"], view.LowStock().Select(l => l.Sku));
        Assert.Equal(new StockTotals(3, 28, 1, 27, 2), view.Page("w", null, 10).Totals);
    }

    [Fact]
    public async Task GivenManySkus_WhenPaged_ThenPagesFollowInOrdinalSkuOrderAndTheLastHasNoNext()
    {
        var view = await ViewOfAsync(("w/b", [Receive(1)]), ("w/a", [Receive(1)]), ("w/C", [Receive(1)]), ("w/c", [Receive(1)]));

        var first = view.Page("w", null, 3);
        var second = view.Page("w", first.Next, 3);

        Assert.Equal(["C", "a", "b"], first.Items.Select(i => i.Sku));
        Assert.Equal("b", first.Next);
        Assert.Equal(["c"], second.Items.Select(i => i.Sku));
        Assert.Null(second.Next);
        Assert.Equal(4, second.Totals.Items);
    }

    [Fact]
    public async Task GivenMoreThanAHundredMovements_WhenRecentIsRead_ThenTheNewestHundredComeNewestFirst()
    {
        var view = await ViewOfAsync(("w/a", Enumerable.Range(1, 130).Select(_ => Receive(1)).ToArray()));

        Assert.Equal(WarehouseView.RecentCapacity, view.Recent.Count);
        Assert.Equal(Enumerable.Range(31, 100).Reverse(), view.Recent.Select(r => r.Version));
        Assert.All(view.Recent, r => Assert.Equal(1, r.OnHandDelta));
        Assert.Equal(130, view.Movements);
        Assert.Equal(130, view.MinuteCounts.Values.Sum());
    }

    [Fact]
    public async Task GivenMovementsOfTwoKeysAndOneWithout_WhenRecentIsRead_ThenEachShowsItsPrincipalOrNull()
    {
        var view = await ViewOfAsync(("w/a", [Receive(5) with { Principal = "dock-scanner" }, Pick(1) with { Principal = "ops-ann" }, Receive(1)]));

        Assert.Equal([null, "ops-ann", "dock-scanner"], view.Recent.Select(r => r.Principal));
    }

    [Fact]
    public async Task GivenMovementsWithPrincipals_WhenTheViewIsBuiltFromTheGlobalLog_ThenTheLogKeepsThePrincipalsForTheView()
    {
        var log = new StockLog();
        Assert.Equal(0, await log.ApplyAsync("w/a", Receive(5) with { Principal = "dock-scanner" }, Receive(1)));
        Assert.Equal(0, await log.ApplyAsync("w/b", ReorderAt(2) with { Principal = "ops-ann" }));

        var page = await log.Store.ReadAllAsync(Inventory.Contracts.EventStore.LogPosition.Start, 100);
        var view = new WarehouseView();
        foreach (var stored in page.Events)
        {
            view.Apply(ProjectedEvent.From(stored.ToEnvelope()));
        }

        Assert.Equal(["""{"principal":"dock-scanner"}""", "{}", """{"principal":"ops-ann"}"""], page.Events.Select(e => e.Metadata));
        Assert.Equal([("b", "ops-ann"), ("a", null), ("a", "dock-scanner")], view.Recent.Select(r => (r.Sku, r.Principal)));
    }

    private static async Task<WarehouseView> ViewOfAsync(params (string StreamId, Inventory.Contracts.StockItems.StockCommand[] Commands)[] items)
    {
        var log = new StockLog();
        foreach (var (streamId, commands) in items)
        {
            Assert.Equal(0, await log.ApplyAsync(streamId, commands));
        }

        var view = new WarehouseView();
        log.Log.ForEach(e => view.Apply(ProjectedEvent.From(e)));
        return view;
    }
}
