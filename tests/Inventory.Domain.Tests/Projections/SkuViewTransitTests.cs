using Inventory.Contracts.StockItems;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>The <c>skus</c> view folds a SKU's transfer events, from the items at both ends, into its units in transit:
/// whatever order the two items' events arrive in, in transit is dispatched - received - returned, and a settled line
/// leaves the view.</summary>
public sealed class SkuViewTransitTests
{
    [Fact]
    public async Task GivenADispatch_ThenTheSkuHasItInTransitFromTheSourceToTheDestination_AndOnHandPlusInTransitIsUnchanged()
    {
        var log = new StockLog();
        await log.ApplyAsync("wh-a/apples", StockLog.Receive(10));
        await log.ApplyAsync("wh-a/apples", Dispatch("t-1", "wh-b", 6));

        var view = Fold(log);
        var stock = view.Stock("apples");

        var line = Assert.Single(stock.Transit!);
        Assert.Equal(("t-1", "wh-a", "wh-b", 6L), (line.TransferId, line.FromWarehouseId, line.ToWarehouseId, line.InTransit));
        Assert.Equal(10, stock.Totals.OnHand + stock.InTransit);
        Assert.Equal(line, Assert.Single(view.InTransit("wh-b")));
        Assert.Empty(view.InTransit("wh-c"));
    }

    [Fact]
    public async Task GivenPartOfItReceived_ThenTheRestIsInTransit_AndWhenTheRestGoesBackTheLineIsSettled()
    {
        var log = new StockLog();
        await log.ApplyAsync("wh-a/apples", StockLog.Receive(10), Dispatch("t-1", "wh-b", 6));
        await log.ApplyAsync("wh-b/apples", new ReceiveTransfer { MovementId = Guid.NewGuid(), TransferId = "t-1", FromWarehouseId = "wh-a", Quantity = 2 });

        Assert.Equal(4, Assert.Single(Fold(log).InTransit()).InTransit);

        await log.ApplyAsync("wh-a/apples", new ReturnTransfer { MovementId = Guid.NewGuid(), TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 4 });
        var view = Fold(log);

        Assert.Empty(view.InTransit());
        Assert.Empty(view.Transit);
        Assert.Equal(10, view.Stock("apples").Totals.OnHand);
    }

    [Fact]
    public async Task GivenTheReceiptAppliedBeforeItsDispatch_ThenNothingShowsNegativeAndTheLineSettlesWhenTheDispatchArrives()
    {
        var log = new StockLog();
        await log.ApplyAsync("wh-a/apples", StockLog.Receive(10), Dispatch("t-1", "wh-b", 6));
        await log.ApplyAsync("wh-b/apples", new ReceiveTransfer { MovementId = Guid.NewGuid(), TransferId = "t-1", FromWarehouseId = "wh-a", Quantity = 6 });
        var receiptFirst = log.Log.OrderBy(e => e.StreamId == "wh-b/apples" ? 0 : 1).ThenBy(e => e.Position).ToList();

        var view = new SkuView();
        view.Apply(Projected(receiptFirst[0]));
        Assert.Empty(view.InTransit());
        foreach (var envelope in receiptFirst.Skip(1))
        {
            view.Apply(Projected(envelope));
        }

        Assert.Empty(view.InTransit());
        Assert.Empty(view.Transit);
    }

    private static DispatchTransfer Dispatch(string transferId, string to, int quantity) =>
        new() { MovementId = Guid.NewGuid(), TransferId = transferId, ToWarehouseId = to, Quantity = quantity };

    private static SkuView Fold(StockLog log)
    {
        var view = new SkuView();
        foreach (var envelope in log.Log)
        {
            view.Apply(Projected(envelope));
        }

        return view;
    }

    private static ProjectedEvent Projected(Inventory.Contracts.Projections.EventEnvelope envelope) => ProjectedEvent.From(envelope);
}
