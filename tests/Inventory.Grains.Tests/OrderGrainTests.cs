using Inventory.Contracts.Orders;
using Inventory.Contracts.StockItems;
using Inventory.Orders;
using Inventory.Processes;
using Inventory.StockItems;
using Inventory.Testing;
using static Inventory.Grains.Tests.Commands;

namespace Inventory.Grains.Tests;

/// <summary>The order grain on the two-silo test cluster: its reservations, picks and releases reach the items, its
/// retries apply nothing twice, a reservation released at an item behind its back does not stall it, and an order stopped
/// by a failing store resumes by itself (its reminder) once the store is back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderGrainTests(ClusterFixture fixture)
{
    private readonly string _warehouse = "wh-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _orderId = "o-" + Guid.NewGuid().ToString("N")[..12];

    private IOrderGrain Order => fixture.Client.GetGrain<IOrderGrain>(_orderId);

    private string ReservationId => OrderIds.ReservationId(_orderId);

    private ReserveOrder Request => new() { WarehouseId = _warehouse, Lines = [new("sku-1", 6), new("sku-2", 4)] };

    [Fact]
    public async Task GivenStock_WhenReserved_ThenEveryLineIsHeldUnderTheOrdersReservation()
    {
        await StockAsync(10, 10);

        var reserved = await Order.ReserveAsync(Request);

        Assert.True(reserved.Accepted, reserved.Rejection?.Message);
        Assert.Equal(OrderStatuses.Reserved, reserved.Order!.Status);
        Assert.Equal([6L, 4L], reserved.Order.Lines.Select(l => l.Held));
        Assert.Equal(
            [new ReservationDetails(ReservationId, 6), new ReservationDetails(ReservationId, 4)],
            [.. (await ItemAsync("sku-1")).Reservations, .. (await ItemAsync("sku-2")).Reservations]);
        Assert.Equal([OrderEventTypes.Requested, OrderEventTypes.LineReserved, OrderEventTypes.LineReserved], reserved.Order.History.Select(h => h.Type));
    }

    [Fact]
    public async Task GivenTooLittleStockForTheSecondLine_WhenReserved_ThenItIsRefusedNamingTheLineAndNothingIsWritten()
    {
        await StockAsync(10, 3);

        var result = await Order.ReserveAsync(Request);

        Assert.Equal(OrderRejectionCodes.ReservationFailed, result.Rejection?.Code);
        Assert.Equal(new OrderFailure("sku-2", RejectionCodes.InsufficientStock, "Only 3 available; cannot reserve 4."), result.Failure);
        Assert.Null(result.Order);
        Assert.Empty(await fixture.Store.ReadStreamAsync(OrderStream.Id(_orderId), 0, 10));
        Assert.Single(await fixture.Store.ReadStreamAsync($"{_warehouse}/sku-1", 0, 10));
    }

    [Fact]
    public async Task GivenTheSecondLineRefusedAtReservation_WhenReserved_ThenTheFirstIsReleasedAndTheAnswerNamesTheLine()
    {
        await StockAsync(10, 10);

        // The item refuses the second reservation although the stock is there: its movement id was used before for
        // something else (the refusal a race for the stock would give, on demand).
        await fixture.Item($"{_warehouse}/sku-2").ExecuteAsync(Receive(1, ProcessIds.Step(OrderStream.Id(_orderId), "reserve/sku-2")));
        var result = await Order.ReserveAsync(Request);

        Assert.Equal(OrderRejectionCodes.ReservationFailed, result.Rejection?.Code);
        Assert.Equal(OrderStatuses.Failed, result.Order!.Status);
        Assert.Equal(("sku-2", RejectionCodes.MovementIdReused), (result.Failure!.Sku, result.Failure.Code));
        Assert.Equal((0L, 0L), ((await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).Reserved));
        Assert.Equal(
            [StockItemEventTypes.Received, StockItemEventTypes.Reserved, StockItemEventTypes.Released],
            (await fixture.Store.ReadStreamAsync($"{_warehouse}/sku-1", 0, 10)).Select(e => e.Type));
        Assert.Equal(
            [OrderEventTypes.Requested, OrderEventTypes.LineReserved, OrderEventTypes.LineRefused, OrderEventTypes.LineReleased, OrderEventTypes.Failed],
            result.Order.History.Select(h => h.Type));

        var again = await Order.ReserveAsync(Request);
        Assert.Equal((OrderRejectionCodes.ReservationFailed, true), (again.Rejection?.Code, again.Duplicate));
        Assert.Equal(OrderRejectionCodes.NotReserved, (await Order.ReleaseAsync(new ReleaseOrder())).Rejection?.Code);
    }

    [Fact]
    public async Task GivenAReservedOrder_WhenTheSameRequestsComeAgain_ThenNothingIsAppliedTwice()
    {
        await StockAsync(10, 10);
        await Order.ReserveAsync(Request);
        var pick = new PickOrder { PickId = Guid.NewGuid(), Lines = [new("sku-1", 2)] };
        await Order.PickAsync(pick);

        var reserve = await Order.ReserveAsync(Request);
        var picked = await Order.PickAsync(pick);
        var reused = await Order.ReserveAsync(Request with { Lines = [new("sku-1", 1)] });

        Assert.True(reserve.Duplicate);
        Assert.True(picked.Duplicate);
        Assert.Equal(OrderRejectionCodes.OrderIdReused, reused.Rejection?.Code);
        var item = await ItemAsync("sku-1");
        Assert.Equal((8L, 4L), (item.OnHand, item.Reserved));
        Assert.Equal(3, (await fixture.Store.ReadStreamAsync($"{_warehouse}/sku-1", 0, 10)).Count);
    }

    [Fact]
    public async Task GivenAPartialPick_WhenReleased_ThenWhatIsStillHeldGoesBackAndTheOrderIsReleased()
    {
        await StockAsync(10, 10);
        await Order.ReserveAsync(Request);
        await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid(), Lines = [new("sku-1", 2)] });

        var released = await Order.ReleaseAsync(new ReleaseOrder { Reason = "customer cancelled" });

        Assert.Equal(OrderStatuses.Released, released.Order!.Status);
        Assert.Equal([(2L, 4L), (0L, 4L)], released.Order.Lines.Select(l => (l.Picked, l.Released)));
        Assert.Equal((8L, 0L, 10L, 0L), ((await ItemAsync("sku-1")).OnHand, (await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).OnHand, (await ItemAsync("sku-2")).Reserved));
        Assert.True((await Order.ReleaseAsync(new ReleaseOrder())).Duplicate);
        Assert.Equal(OrderRejectionCodes.NotReserved, (await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid() })).Rejection?.Code);
    }

    [Fact]
    public async Task GivenPartialPicks_WhenTheRestIsPicked_ThenTheOrderIsFulfilledAndCannotBeReleased()
    {
        await StockAsync(10, 10);
        await Order.ReserveAsync(Request);

        var first = await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid(), Lines = [new("sku-1", 2), new("sku-2", 1)] });
        Assert.Equal(OrderStatuses.Reserved, first.Order!.Status);
        var over = await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid(), Lines = [new("sku-1", 5)] });
        Assert.Equal(OrderRejectionCodes.OverPick, over.Rejection?.Code);
        var rest = await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid() });

        Assert.Equal(OrderStatuses.Fulfilled, rest.Order!.Status);
        Assert.All(rest.Order.Lines, l => Assert.Equal((l.Requested, 0L), (l.Picked, l.Held)));
        Assert.Equal((4L, 0L, 6L, 0L), ((await ItemAsync("sku-1")).OnHand, (await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).OnHand, (await ItemAsync("sku-2")).Reserved));
        Assert.Equal(OrderRejectionCodes.AlreadyFulfilled, (await Order.ReleaseAsync(new ReleaseOrder())).Rejection?.Code);
    }

    [Fact]
    public async Task GivenALineReleasedAtTheItemDirectly_WhenEverythingIsPicked_ThenThatLineIsRefusedTheOtherPickedAndTheOrderEnds()
    {
        await StockAsync(10, 10);
        await Order.ReserveAsync(Request);
        var direct = await fixture.Item($"{_warehouse}/sku-1").ExecuteAsync(new ReleaseReservation { MovementId = Guid.NewGuid(), ReservationId = ReservationId });
        Assert.True(direct.Accepted);

        var result = await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid() });

        Assert.Equal(OrderRejectionCodes.PickFailed, result.Rejection?.Code);
        Assert.Equal(("sku-1", RejectionCodes.UnknownReservation), (result.Failure!.Sku, result.Failure.Code));
        Assert.Equal(OrderStatuses.Released, result.Order!.Status);
        Assert.Equal([(0L, 6L, 0L), (4L, 0L, 0L)], result.Order.Lines.Select(l => (l.Picked, l.ReleasedOutside, l.Held)));
        Assert.Equal((10L, 0L, 6L, 0L), ((await ItemAsync("sku-1")).OnHand, (await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).OnHand, (await ItemAsync("sku-2")).Reserved));
    }

    [Fact]
    public async Task GivenALineReleasedAtTheItemDirectly_WhenTheOrderIsReleased_ThenTheLineIsRecordedAsLostAndTheReleaseFinishes()
    {
        await StockAsync(10, 10);
        await Order.ReserveAsync(Request);
        await fixture.Item($"{_warehouse}/sku-2").ExecuteAsync(new ReleaseReservation { MovementId = Guid.NewGuid(), ReservationId = ReservationId });

        var released = await Order.ReleaseAsync(new ReleaseOrder());

        Assert.Equal(OrderStatuses.Released, released.Order!.Status);
        Assert.Equal([(6L, 0L), (0L, 4L)], released.Order.Lines.Select(l => (l.Released, l.ReleasedOutside)));
        Assert.Contains(OrderEventTypes.LineReservationLost, released.Order.History.Select(h => h.Type));
        Assert.Equal((0L, 0L), ((await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).Reserved));
    }

    [Fact]
    public async Task GivenAnItemsStoreDown_WhenPicking_ThenTheCallerIsToldToRetryAndTheOrderFinishesByItselfOnceTheStoreIsBack()
    {
        await StockAsync(10, 10);
        await Order.ReserveAsync(Request);
        var item = $"{_warehouse}/sku-2";
        fixture.Store.Inject(item, FaultInjectingEventStore.Fault.Unreachable);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Order.PickAsync(new PickOrder { PickId = Guid.NewGuid() }));
        fixture.Store.Heal(item);

        // No caller comes back: the reminder wakes the order, which picks the last line and is fulfilled.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await fixture.Store.ReadStreamAsync(OrderStream.Id(_orderId), 0, 100)).Any(e => e.Type == OrderEventTypes.Fulfilled))
        {
            Assert.True(DateTime.UtcNow < deadline, "the order did not resume by itself within 30 s");
            await Task.Delay(200);
        }

        Assert.Equal((4L, 6L), ((await ItemAsync("sku-1")).OnHand, (await ItemAsync("sku-2")).OnHand));
        Assert.Equal(3, (await fixture.Store.ReadStreamAsync(item, 0, 10)).Count);
    }

    [Fact]
    public async Task GivenAnItemsStoreDown_WhenReserving_ThenTheOrderFinishesItsReservationsByItselfOnceTheStoreIsBack()
    {
        await StockAsync(10, 10);
        var item = $"{_warehouse}/sku-2";
        fixture.Store.Inject(item, FaultInjectingEventStore.Fault.Unreachable);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Order.ReserveAsync(Request));
        fixture.Store.Heal(item);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await fixture.Store.ReadStreamAsync(OrderStream.Id(_orderId), 0, 100)).Count(e => e.Type == OrderEventTypes.LineReserved) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the order did not resume by itself within 30 s");
            await Task.Delay(200);
        }

        Assert.Equal(OrderStatuses.Reserved, (await Order.GetAsync())!.Status);
        Assert.Equal((6L, 4L), ((await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).Reserved));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync(item, 0, 10)).Count);
    }

    [Fact]
    public async Task GivenTheOrdersOwnAppendLostItsAcknowledgement_WhenAskedAgain_ThenItResumesWithoutReservingTwice()
    {
        await StockAsync(10, 10);
        var stream = OrderStream.Id(_orderId);
        fixture.Store.Inject(stream, FaultInjectingEventStore.Fault.CommitThenLoseAcknowledgement);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Order.ReserveAsync(Request));
        fixture.Store.Heal(stream);
        var again = await Order.ReserveAsync(Request);

        Assert.Equal(OrderStatuses.Reserved, again.Order!.Status);
        Assert.Equal((6L, 4L), ((await ItemAsync("sku-1")).Reserved, (await ItemAsync("sku-2")).Reserved));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync($"{_warehouse}/sku-1", 0, 10)).Count);
    }

    [Fact]
    public async Task GivenNoOrder_WhenReadPickedOrReleased_ThenNothingIsThereAndNothingIsWritten()
    {
        Assert.Null(await Order.GetAsync());
        Assert.Equal(OrderRejectionCodes.OrderNotFound, (await Order.ReleaseAsync(new ReleaseOrder())).Rejection?.Code);
        Assert.Equal(OrderRejectionCodes.OrderNotFound, (await Order.PickAsync(new PickOrder { PickId = Guid.NewGuid() })).Rejection?.Code);
        Assert.Empty(await fixture.Store.ReadStreamAsync(OrderStream.Id(_orderId), 0, 10));
    }

    private async Task StockAsync(int first, int second)
    {
        await fixture.Item($"{_warehouse}/sku-1").ExecuteAsync(Receive(first));
        await fixture.Item($"{_warehouse}/sku-2").ExecuteAsync(Receive(second));
    }

    private Task<StockItemDetails> ItemAsync(string sku) => fixture.Item($"{_warehouse}/{sku}").GetDetailsAsync();
}
