using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.Processes;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.Transfers;

/// <summary>The transfer's process without Orleans: given its events, when a step's outcome, then its next step (an
/// item command) or its end; every compensation path included.</summary>
public sealed class TransferProcessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Receipt1 = Guid.Parse("11111111-2222-4333-8444-555555555555");
    private static readonly Guid Receipt2 = Guid.Parse("21111111-2222-4333-8444-555555555555");

    [Fact]
    public void GivenARequest_ThenTheFirstLineIsDispatchedAtTheSourceWithAnIdDerivedFromTheTransferAndTheLine()
    {
        var step = NextItemStep(Requested());

        Assert.Equal(StockItemKey.Create("wh-a", "sku-1"), step.Item);
        var dispatch = Assert.IsType<DispatchTransfer>(step.Command);
        Assert.Equal(("t-1", "wh-b", 5), (dispatch.TransferId, dispatch.ToWarehouseId, dispatch.Quantity));
        Assert.Equal(ProcessIds.Step("transfer:t-1", "dispatch/sku-1"), dispatch.MovementId);
        Assert.Equal("transfer:t-1", dispatch.CorrelationId);
        Assert.Equal(dispatch.MovementId, NextItemStep(Requested()).Command.MovementId);
    }

    [Fact]
    public void GivenTheFirstLineDispatched_WhenTheSecondIsDispatchedToo_ThenTheTransferIsInTransitAndWaits()
    {
        var state = Apply(Requested(), Answer(NextItemStep(Requested()), Accepted(version: 7, position: 70)));
        Assert.Equal(TransferStatuses.Dispatching, state.Status);
        var second = NextItemStep(state);
        Assert.Equal(StockItemKey.Create("wh-a", "sku-2"), second.Item);

        state = Apply(state, Answer(second, Accepted(version: 3, position: 71)));

        Assert.Equal(TransferStatuses.InTransit, state.Status);
        Assert.Equal(Now, state.DispatchedAt);
        Assert.Null(TransferProcess.Next(state, Now));
        Assert.Equal([5L, 3L], state.Lines.Select(l => l.InTransit));
    }

    [Fact]
    public void GivenTheFirstLineDispatched_WhenTheSecondIsRefused_ThenTheFirstGoesBackAndTheTransferFails()
    {
        var state = Dispatched(lines: 1);
        var refused = Answer(NextItemStep(state), Rejected(RejectionCodes.InsufficientStock));
        Assert.Equal(RejectionCodes.InsufficientStock, Assert.IsType<TransferLineRefused>(refused).Code);
        state = Apply(state, refused);
        Assert.Equal(TransferStatuses.Compensating, state.Status);

        var back = NextItemStep(state);
        Assert.Equal(StockItemKey.Create("wh-a", "sku-1"), back.Item);
        var ret = Assert.IsType<ReturnTransfer>(back.Command);
        Assert.Equal((5, ProcessIds.Step("transfer:t-1", "return/sku-1")), (ret.Quantity, ret.MovementId));
        state = Apply(state, Answer(back, Accepted()));

        var end = NextRecorded(state);
        Assert.IsType<TransferFailed>(end);
        state = Apply(state, end);
        Assert.Equal(TransferStatuses.Failed, state.Status);
        Assert.All(state.Lines, l => Assert.Equal(0, l.InTransit));
        Assert.Equal(new TransferFailure("sku-2", RejectionCodes.InsufficientStock, "no"), state.Refusal);
        Assert.Null(TransferProcess.Next(state, Now));
    }

    [Fact]
    public void GivenTheFirstLineRefused_ThenNothingGoesBackAndTheTransferFails()
    {
        var state = Apply(Requested(), Answer(NextItemStep(Requested()), Rejected(RejectionCodes.InsufficientStock)));

        Assert.IsType<TransferFailed>(NextRecorded(state));
    }

    [Fact]
    public void GivenAReceiptOfPartOfALine_WhenTheDestinationReceivesIt_ThenTheRestStaysInTransit()
    {
        var state = Receive(Dispatched(lines: 2), Receipt1, ("sku-1", 2));

        var receive = NextItemStep(state);
        Assert.Equal(StockItemKey.Create("wh-b", "sku-1"), receive.Item);
        var command = Assert.IsType<ReceiveTransfer>(receive.Command);
        Assert.Equal((2, "wh-a", ProcessIds.Step("transfer:t-1", $"receive/{Receipt1:N}/sku-1")), (command.Quantity, command.FromWarehouseId, command.MovementId));
        state = Apply(state, Answer(receive, Accepted()));

        Assert.Null(TransferProcess.Next(state, Now));
        Assert.Equal(TransferStatuses.InTransit, state.Status);
        Assert.Equal([3L, 3L], state.Lines.Select(l => l.InTransit));
        Assert.Equal(2, state.Lines[0].Received);
    }

    [Fact]
    public void GivenEverythingReceivedOverTwoReceipts_ThenTheTransferCompletes()
    {
        var state = RunToWait(Receive(Dispatched(lines: 2), Receipt1, ("sku-1", 2)));
        state = Receive(state, Receipt2, ("sku-1", 3), ("sku-2", 3));
        state = Apply(state, Answer(NextItemStep(state), Accepted()));
        state = Apply(state, Answer(NextItemStep(state), Accepted()));

        var end = NextRecorded(state);
        Assert.IsType<TransferCompleted>(end);
        state = Apply(state, end);
        Assert.Equal(TransferStatuses.Completed, state.Status);
        Assert.All(state.Lines, l => Assert.Equal((l.Dispatched, 0L), (l.Received, l.InTransit)));
    }

    [Fact]
    public void GivenAPartialReceipt_WhenCancelled_ThenWhatIsStillInTransitGoesBackAndTheTransferIsCancelled()
    {
        var state = RunToWait(Receive(Dispatched(lines: 2), Receipt1, ("sku-1", 2)));
        state = Decide(TransferDecisions.Cancel(state, new CancelTransfer { Reason = "truck broke down" }, Now), state);
        Assert.Equal(TransferStatuses.Cancelling, state.Status);

        var first = NextItemStep(state);
        Assert.Equal((StockItemKey.Create("wh-a", "sku-1"), 3), (first.Item, Assert.IsType<ReturnTransfer>(first.Command).Quantity));
        state = Apply(state, Answer(first, Accepted()));
        var second = NextItemStep(state);
        Assert.Equal((StockItemKey.Create("wh-a", "sku-2"), 3), (second.Item, Assert.IsType<ReturnTransfer>(second.Command).Quantity));
        state = Apply(state, Answer(second, Accepted()));
        state = Apply(state, Assert.IsType<TransferCancelled>(NextRecorded(state)));

        Assert.Equal(TransferStatuses.Cancelled, state.Status);
        Assert.Equal("truck broke down", state.CancelReason);
        Assert.All(state.Lines, l => Assert.Equal(l.Dispatched, l.Received + l.Returned));
    }

    [Fact]
    public void GivenAReceiptNotYetReceived_WhenCancelled_ThenTheReceiptIsReceivedFirstAndOnlyTheRestGoesBack()
    {
        var state = Receive(Dispatched(lines: 2), Receipt1, ("sku-2", 3));
        state = Decide(TransferDecisions.Cancel(state, new CancelTransfer(), Now), state);

        var receive = NextItemStep(state);
        Assert.IsType<ReceiveTransfer>(receive.Command);
        state = Apply(state, Answer(receive, Accepted()));
        var back = NextItemStep(state);
        Assert.Equal(("sku-1", 5), (back.Item.Sku, Assert.IsType<ReturnTransfer>(back.Command).Quantity));
        state = Apply(state, Answer(back, Accepted()));

        Assert.IsType<TransferCancelled>(NextRecorded(state));
    }

    [Fact]
    public void GivenADispatchWhoseOutcomeWasLost_WhenCancelled_ThenRefusedUntilTheStepIsTakenAgain_AndThenEverythingDispatchedGoesBack()
    {
        // The second line left the source, but the crash came before the transfer recorded it.
        var state = Dispatched(lines: 1);
        var lost = NextItemStep(state);

        var refused = TransferDecisions.Cancel(state, new CancelTransfer(), Now);
        Assert.Equal(TransferRejectionCodes.NotInTransit, refused.Rejection?.Code);

        // The step is taken again with the same movement id: the item answers it as a repeat, and it is recorded.
        var again = NextItemStep(state);
        Assert.Equal(lost.Command, again.Command);
        state = Apply(state, Answer(again, Accepted() with { Duplicate = true }));
        state = Decide(TransferDecisions.Cancel(state, new CancelTransfer(), Now), state);
        state = RunToWait(state);
        state = Apply(state, NextRecorded(state));

        Assert.Equal(TransferStatuses.Cancelled, state.Status);
        Assert.All(state.Lines, l => Assert.Equal((l.Requested, (long)l.Requested), (l.Requested, l.Returned)));
    }

    [Fact]
    public void GivenAnItemThatRefusesAReceipt_ThenTheStepIsNotRecordedAsDone()
    {
        var state = Receive(Dispatched(lines: 2), Receipt1, ("sku-1", 2));
        var step = NextItemStep(state);

        Assert.Throws<InvalidOperationException>(() => step.Outcome(Rejected(RejectionCodes.MovementIdReused), Now));
    }

    [Fact]
    public void GivenAnAnswerThatWasADuplicate_ThenItIsRecordedLikeTheFirst()
    {
        var step = NextItemStep(Requested());

        var dispatched = Assert.IsType<TransferLineDispatched>(step.Outcome(Accepted(version: 4, position: 40) with { Duplicate = true }, Now));

        Assert.Equal((step.Command.MovementId, 4, 40L), (dispatched.MovementId, dispatched.ItemVersion, dispatched.Position));
    }

    internal static TransferState Requested() =>
        TransferState.Evolve(TransferState.Empty, Assert.IsType<TransferRequested>(Assert.Single(TransferDecisions.Start(
            TransferState.Empty, "t-1", new StartTransfer { FromWarehouseId = "wh-a", ToWarehouseId = "wh-b", Lines = [new("sku-1", 5), new("sku-2", 3)] }, Now).Events)));

    internal static TransferState Dispatched(int lines)
    {
        var state = Requested();
        for (var i = 0; i < lines; i++)
        {
            state = Apply(state, Answer(NextItemStep(state), Accepted()));
        }

        return state;
    }

    internal static TransferState Receive(TransferState state, Guid receiptId, params (string Sku, int Quantity)[] lines) =>
        Decide(TransferDecisions.Receive(state, new ReceiveTransferLines { ReceiptId = receiptId, Lines = [.. lines.Select(l => new TransferLine(l.Sku, l.Quantity))] }, Now), state);

    private static TransferState Decide(ProcessDecision<TransferEvent> decision, TransferState state)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(state, TransferState.Evolve);
    }

    private static TransferState RunToWait(TransferState state)
    {
        while (TransferProcess.Next(state, Now) is ItemStep<TransferEvent> step)
        {
            state = Apply(state, Answer(step, Accepted()));
        }

        return state;
    }

    private static ItemStep<TransferEvent> NextItemStep(TransferState state) => Assert.IsType<ItemStep<TransferEvent>>(TransferProcess.Next(state, Now));

    private static TransferEvent NextRecorded(TransferState state) => Assert.IsType<RecordStep<TransferEvent>>(TransferProcess.Next(state, Now)).Event;

    private static TransferEvent Answer(ItemStep<TransferEvent> step, MovementResult answer) => step.Outcome(answer with { MovementId = step.Command.MovementId }, Now);

    private static TransferState Apply(TransferState state, TransferEvent @event) => TransferState.Evolve(state, @event);

    private static MovementResult Accepted(int version = 1, long position = 1) => new() { MovementId = Guid.Empty, Version = version, Position = position };

    private static MovementResult Rejected(string code) => MovementResult.Rejected(Guid.Empty, new Rejection(code, "no"));
}
