using Inventory.Contracts.Orders;
using Inventory.Contracts.StockItems;
using Inventory.Orders;
using Inventory.Processes;

namespace Inventory.Domain.Tests.Orders;

/// <summary>The order's process without Orleans: given its events, when a step's outcome, then its next step (an item
/// command) or its end; every compensation path included, and reservations released at the item behind the order's back.</summary>
public sealed class OrderProcessTests
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    internal static readonly Guid Pick1 = Guid.Parse("11111111-2222-4333-8444-555555555555");
    internal static readonly Guid Pick2 = Guid.Parse("21111111-2222-4333-8444-555555555555");
    private const string Stream = "order:o-1";

    [Fact]
    public void GivenARequest_ThenTheFirstLineIsReservedUnderTheOrdersReservationWithAnIdDerivedFromTheOrderAndTheLine()
    {
        var step = NextItemStep(Requested());

        Assert.Equal(StockItemKey.Create("wh-a", "sku-1"), step.Item);
        var reserve = Assert.IsType<ReserveStock>(step.Command);
        Assert.Equal(("o.o-1", 5), (reserve.ReservationId, reserve.Quantity));
        Assert.Equal(ProcessIds.Step(Stream, "reserve/sku-1"), reserve.MovementId);
        Assert.Equal(Stream, reserve.CorrelationId);
        Assert.Equal(OrderStatuses.Reserving, Requested().Status);
    }

    [Fact]
    public void GivenTheFirstLineReserved_WhenTheSecondIsReservedToo_ThenTheOrderIsReservedAndWaits()
    {
        var state = Apply(Requested(), Answer(NextItemStep(Requested()), Accepted(version: 7, position: 70)));
        Assert.Equal(OrderStatuses.Reserving, state.Status);
        var second = NextItemStep(state);
        Assert.Equal(StockItemKey.Create("wh-a", "sku-2"), second.Item);

        state = Apply(state, Answer(second, Accepted(version: 3, position: 71)));

        Assert.Equal(OrderStatuses.Reserved, state.Status);
        Assert.Equal(Now, state.ReservedAt);
        Assert.Null(OrderProcess.Next(state, Now));
        Assert.Equal([5L, 3L], state.Lines.Select(l => l.Held));
    }

    [Fact]
    public void GivenTheFirstLineReserved_WhenTheSecondIsRefused_ThenTheFirstIsReleasedAndTheOrderFails()
    {
        var state = Reserved(lines: 1);
        var refused = Answer(NextItemStep(state), Rejected(RejectionCodes.InsufficientStock));
        Assert.Equal(("sku-2", RejectionCodes.InsufficientStock), (Assert.IsType<OrderLineRefused>(refused).Sku, ((OrderLineRefused)refused).Code));
        state = Apply(state, refused);
        Assert.Equal(OrderStatuses.Compensating, state.Status);

        var back = NextItemStep(state);
        Assert.Equal(StockItemKey.Create("wh-a", "sku-1"), back.Item);
        var release = Assert.IsType<ReleaseReservation>(back.Command);
        Assert.Equal(("o.o-1", (int?)null, ProcessIds.Step(Stream, "release/sku-1")), (release.ReservationId, release.Quantity, release.MovementId));
        state = Apply(state, Answer(back, Accepted()));

        var end = NextRecorded(state);
        Assert.IsType<OrderFailed>(end);
        state = Apply(state, end);
        Assert.Equal(OrderStatuses.Failed, state.Status);
        Assert.All(state.Lines, l => Assert.Equal(0, l.Held));
        Assert.Equal((5L, 5L), (state.Lines[0].Reserved, state.Lines[0].Released));
        Assert.Equal(new OrderFailure("sku-2", RejectionCodes.InsufficientStock, "no"), state.Refusal);
        Assert.Null(OrderProcess.Next(state, Now));
    }

    [Fact]
    public void GivenTheFirstLineRefused_ThenNothingIsReleasedAndTheOrderFails()
    {
        var state = Apply(Requested(), Answer(NextItemStep(Requested()), Rejected(RejectionCodes.ReservationAlreadyOpen)));

        Assert.IsType<OrderFailed>(NextRecorded(state));
    }

    [Fact]
    public void GivenACompensation_WhenTheReservationWasAlreadyReleasedAtTheItem_ThenItIsRecordedAsLostAndTheOrderStillFails()
    {
        var state = Apply(Reserved(lines: 1), Answer(NextItemStep(Reserved(lines: 1)), Rejected(RejectionCodes.InsufficientStock)));

        var lost = Answer(NextItemStep(state), Rejected(RejectionCodes.UnknownReservation));
        Assert.Equal(("sku-1", 5), (Assert.IsType<OrderLineReservationLost>(lost).Sku, ((OrderLineReservationLost)lost).Quantity));
        state = Apply(state, lost);

        Assert.Equal((0L, 5L, 0L), (state.Lines[0].Released, state.Lines[0].ReleasedOutside, state.Lines[0].Held));
        Assert.IsType<OrderFailed>(NextRecorded(state));
    }

    [Fact]
    public void GivenAReservedOrder_WhenPartOfALineIsPicked_ThenItIsPickedAgainstTheReservationAndTheRestStaysHeld()
    {
        var state = Pick(Reserved(lines: 2), Pick1, ("sku-1", 2));
        Assert.Equal(OrderStatuses.Picking, state.Status);

        var step = NextItemStep(state);
        Assert.Equal(StockItemKey.Create("wh-a", "sku-1"), step.Item);
        var pick = Assert.IsType<PickStock>(step.Command);
        Assert.Equal((2, "o.o-1", ProcessIds.Step(Stream, $"pick/{Pick1:N}/sku-1")), (pick.Quantity, pick.ReservationId, pick.MovementId));
        state = Apply(state, Answer(step, Accepted()));

        Assert.Null(OrderProcess.Next(state, Now));
        Assert.Equal(OrderStatuses.Reserved, state.Status);
        Assert.Equal([3L, 3L], state.Lines.Select(l => l.Held));
        Assert.Equal(2, state.Lines[0].Picked);
    }

    [Fact]
    public void GivenAPartialPick_WhenTheRestIsPickedWithoutNamingLines_ThenTheOrderIsFulfilled()
    {
        var state = RunToWait(Pick(Reserved(lines: 2), Pick1, ("sku-1", 2)));
        var everything = Decide(OrderDecisions.Pick(state, new PickOrder { PickId = Pick2 }, Now), state);
        Assert.Equal([new OrderLine("sku-1", 3), new OrderLine("sku-2", 3)], everything.Picks[1].Lines);
        state = Apply(everything, Answer(NextItemStep(everything), Accepted()));
        state = Apply(state, Answer(NextItemStep(state), Accepted()));

        var end = NextRecorded(state);
        Assert.IsType<OrderFulfilled>(end);
        state = Apply(state, end);
        Assert.Equal(OrderStatuses.Fulfilled, state.Status);
        Assert.All(state.Lines, l => Assert.Equal((l.Requested, 0L), (l.Picked, l.Held)));
    }

    [Fact]
    public void GivenAPartialPick_WhenReleased_ThenWhatEachLineStillHoldsGoesBackAndTheOrderIsReleased()
    {
        var state = RunToWait(Pick(Reserved(lines: 2), Pick1, ("sku-1", 2)));
        state = Decide(OrderDecisions.Release(state, new ReleaseOrder { Reason = "customer cancelled" }, Now), state);
        Assert.Equal(OrderStatuses.Releasing, state.Status);

        var first = NextItemStep(state);
        Assert.Equal(("sku-1", (int?)null), (first.Item.Sku, Assert.IsType<ReleaseReservation>(first.Command).Quantity));
        state = Apply(state, Answer(first, Accepted()));
        var second = NextItemStep(state);
        Assert.Equal("sku-2", second.Item.Sku);
        state = Apply(state, Answer(second, Accepted()));
        state = Apply(state, Assert.IsType<OrderReleased>(NextRecorded(state)));

        Assert.Equal(OrderStatuses.Released, state.Status);
        Assert.Equal("customer cancelled", state.ReleaseReason);
        Assert.Equal([(2L, 3L), (0L, 3L)], state.Lines.Select(l => (l.Picked, l.Released)));
    }

    [Fact]
    public void GivenAPickNotYetApplied_WhenReleased_ThenThePickIsAppliedFirstAndOnlyTheRestGoesBack()
    {
        var state = Pick(Reserved(lines: 2), Pick1, ("sku-2", 3));
        state = Decide(OrderDecisions.Release(state, new ReleaseOrder(), Now), state);

        var pick = NextItemStep(state);
        Assert.IsType<PickStock>(pick.Command);
        state = Apply(state, Answer(pick, Accepted()));
        var back = NextItemStep(state);
        Assert.Equal("sku-1", back.Item.Sku);
        state = Apply(state, Answer(back, Accepted()));

        Assert.IsType<OrderReleased>(NextRecorded(state));
    }

    [Fact]
    public void GivenALineReleasedAtTheItemDirectly_WhenPicked_ThenTheRefusalIsRecordedTheLineHoldsNothingAndThePickMovesOn()
    {
        var state = Decide(OrderDecisions.Pick(Reserved(lines: 2), new PickOrder { PickId = Pick1 }, Now), Reserved(lines: 2));

        var refused = Answer(NextItemStep(state), Rejected(RejectionCodes.UnknownReservation));
        Assert.Equal((Pick1, "sku-1", RejectionCodes.UnknownReservation), (Assert.IsType<OrderLinePickRefused>(refused).PickId, ((OrderLinePickRefused)refused).Sku, ((OrderLinePickRefused)refused).Code));
        state = Apply(state, refused);
        Assert.Equal((5L, 0L), (state.Lines[0].ReleasedOutside, state.Lines[0].Held));
        Assert.Equal(new OrderFailure("sku-1", RejectionCodes.UnknownReservation, "no"), state.Picks[0].Failure);

        var next = NextItemStep(state);
        Assert.Equal("sku-2", next.Item.Sku);
        state = Apply(state, Answer(next, Accepted()));

        // Nothing held any more, not everything picked: nothing to wait for, the order ends released.
        state = Apply(state, Assert.IsType<OrderReleased>(NextRecorded(state)));
        Assert.Equal(OrderStatuses.Released, state.Status);
        Assert.Equal([(0L, 5L), (3L, 0L)], state.Lines.Select(l => (l.Picked, l.ReleasedOutside)));
    }

    [Fact]
    public void GivenPartOfAReservationReleasedAtTheItem_WhenPickingMoreThanIsLeftThere_ThenTheRefusalIsRecordedAndTheLineStaysHeld()
    {
        var state = Pick(Reserved(lines: 2), Pick1, ("sku-1", 5));

        state = Apply(state, Answer(NextItemStep(state), Rejected(RejectionCodes.ReservationExceeded)));

        Assert.Null(OrderProcess.Next(state, Now));
        Assert.Equal(OrderStatuses.Reserved, state.Status);
        Assert.Equal((0L, 0L, 5L), (state.Lines[0].Picked, state.Lines[0].ReleasedOutside, state.Lines[0].Held));
        Assert.Equal(RejectionCodes.ReservationExceeded, state.Picks[0].Failure?.Code);
    }

    [Fact]
    public void GivenAReleaseOfALineWhoseReservationIsGoneAtTheItem_ThenItIsRecordedAsLostAndTheReleaseFinishes()
    {
        var state = Decide(OrderDecisions.Release(Reserved(lines: 2), new ReleaseOrder(), Now), Reserved(lines: 2));

        state = Apply(state, Answer(NextItemStep(state), Rejected(RejectionCodes.UnknownReservation)));
        state = Apply(state, Answer(NextItemStep(state), Accepted()));
        state = Apply(state, Assert.IsType<OrderReleased>(NextRecorded(state)));

        Assert.Equal([(0L, 5L), (3L, 0L)], state.Lines.Select(l => (l.Released, l.ReleasedOutside)));
    }

    [Fact]
    public void GivenAnItemThatRefusesARelease_OtherThanForAnUnknownReservation_ThenTheStepIsNotRecordedAsDone()
    {
        var state = Decide(OrderDecisions.Release(Reserved(lines: 2), new ReleaseOrder(), Now), Reserved(lines: 2));
        var step = NextItemStep(state);

        Assert.Throws<InvalidOperationException>(() => step.Outcome(Rejected(RejectionCodes.MovementIdReused), Now));
    }

    [Fact]
    public void GivenAnAnswerThatWasADuplicate_ThenItIsRecordedLikeTheFirst()
    {
        var step = NextItemStep(Requested());

        var reserved = Assert.IsType<OrderLineReserved>(step.Outcome(Accepted(version: 4, position: 40) with { Duplicate = true }, Now));

        Assert.Equal((step.Command.MovementId, 4, 40L), (reserved.MovementId, reserved.ItemVersion, reserved.Position));
    }

    internal static OrderState Requested() =>
        OrderState.Evolve(OrderState.Empty, Assert.IsType<OrderRequested>(Assert.Single(OrderDecisions.Reserve(
            OrderState.Empty, "o-1", new ReserveOrder { WarehouseId = "wh-a", Lines = [new("sku-1", 5), new("sku-2", 3)] }, Now).Events)));

    internal static OrderState Reserved(int lines)
    {
        var state = Requested();
        for (var i = 0; i < lines; i++)
        {
            state = Apply(state, Answer(NextItemStep(state), Accepted()));
        }

        return state;
    }

    internal static OrderState Pick(OrderState state, Guid pickId, params (string Sku, int Quantity)[] lines) =>
        Decide(OrderDecisions.Pick(state, new PickOrder { PickId = pickId, Lines = [.. lines.Select(l => new OrderLine(l.Sku, l.Quantity))] }, Now), state);

    internal static OrderState RunToWait(OrderState state)
    {
        while (OrderProcess.Next(state, Now) is ItemStep<OrderEvent> step)
        {
            state = Apply(state, Answer(step, Accepted()));
        }

        return state;
    }

    internal static OrderState Decide(ProcessDecision<OrderEvent> decision, OrderState state)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(state, OrderState.Evolve);
    }

    internal static OrderState Apply(OrderState state, OrderEvent @event) => OrderState.Evolve(state, @event);

    private static ItemStep<OrderEvent> NextItemStep(OrderState state) => Assert.IsType<ItemStep<OrderEvent>>(OrderProcess.Next(state, Now));

    private static OrderEvent NextRecorded(OrderState state) => Assert.IsType<RecordStep<OrderEvent>>(OrderProcess.Next(state, Now)).Event;

    private static OrderEvent Answer(ItemStep<OrderEvent> step, MovementResult answer) => step.Outcome(answer with { MovementId = step.Command.MovementId }, Now);

    private static MovementResult Accepted(int version = 1, long position = 1) => new() { MovementId = Guid.Empty, Version = version, Position = position };

    private static MovementResult Rejected(string code) => MovementResult.Rejected(Guid.Empty, new Rejection(code, "no"));
}
