using Inventory.Contracts.Transfers;
using Inventory.Processes;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.Transfers;

/// <summary>A transfer's requests: given its events, when a request, then the events that record it, a rejection, or
/// "already applied" for a retry.</summary>
public sealed class TransferDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 11, 0, 0, TimeSpan.Zero);
    private static readonly Guid Receipt = Guid.Parse("31111111-2222-4333-8444-555555555555");

    private static StartTransfer Request => new() { FromWarehouseId = "wh-a", ToWarehouseId = "wh-b", Lines = [new("sku-1", 5), new("sku-2", 3)] };

    [Fact]
    public void GivenNoTransfer_WhenStarted_ThenRequestedRecordsTheLinesInOrder()
    {
        var requested = Assert.IsType<TransferRequested>(Assert.Single(Accepted(TransferDecisions.Start(TransferState.Empty, "t-1", Request with { Reason = "rebalance" }, Now))));

        Assert.Equal(("t-1", "wh-a", "wh-b", "rebalance", Now), (requested.TransferId, requested.FromWarehouseId, requested.ToWarehouseId, requested.Reason, requested.RecordedAt));
        Assert.Equal(Request.Lines, requested.Lines);
    }

    [Fact]
    public void GivenAStartedTransfer_WhenTheSameRequestComesAgain_ThenItIsAlreadyApplied() =>
        Assert.True(TransferDecisions.Start(TransferProcessTests.Requested(), "t-1", Request, Now).Duplicate);

    [Fact]
    public void GivenAStartedTransfer_WhenTheIdComesWithOtherLines_ThenRejectsTransferIdReused() =>
        AssertRejected(TransferDecisions.Start(TransferProcessTests.Requested(), "t-1", Request with { Lines = [new("sku-1", 6)] }, Now), TransferRejectionCodes.TransferIdReused);

    public static TheoryData<string, StartTransfer> InvalidRequests => new()
    {
        { "t 1", Request },
        { "t-1", Request with { ToWarehouseId = "wh-a" } },
        { "t-1", Request with { FromWarehouseId = "wh/a" } },
        { "t-1", Request with { Lines = [] } },
        { "t-1", Request with { Lines = [new("sku-1", 1), new("sku-1", 2)] } },
        { "t-1", Request with { Lines = [new("sku-1", 0)] } },
        { "t-1", Request with { Lines = [new("sku-1", 1_000_001)] } },
        { "t-1", Request with { Lines = [new("", 1)] } },
        { "t-1", Request with { Lines = [.. Enumerable.Range(0, TransferDecisions.MaxLines + 1).Select(i => new TransferLine($"sku-{i}", 1))] } },
        { "t-1", Request with { Reason = new string('r', TransferDecisions.MaxReasonLength + 1) } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void GivenNoTransfer_WhenTheRequestIsMalformed_ThenRejectsInvalidTransfer(string transferId, StartTransfer request) =>
        AssertRejected(TransferDecisions.Start(TransferState.Empty, transferId, request, Now), TransferRejectionCodes.InvalidTransfer);

    [Fact]
    public void GivenNoTransfer_WhenReceivingOrCancelling_ThenRejectsTransferNotFound()
    {
        AssertRejected(TransferDecisions.Receive(TransferState.Empty, Receipt1(("sku-1", 1)), Now), TransferRejectionCodes.TransferNotFound);
        AssertRejected(TransferDecisions.Cancel(TransferState.Empty, new CancelTransfer(), Now), TransferRejectionCodes.TransferNotFound);
    }

    [Fact]
    public void GivenLinesStillToDispatch_WhenReceiving_ThenRejectsNotInTransit() =>
        AssertRejected(TransferDecisions.Receive(TransferProcessTests.Dispatched(lines: 1), Receipt1(("sku-1", 1)), Now), TransferRejectionCodes.NotInTransit);

    [Fact]
    public void GivenEverythingInTransit_WhenReceivingMoreThanIsInTransit_ThenRejectsOverReceipt() =>
        AssertRejected(TransferDecisions.Receive(TransferProcessTests.Dispatched(lines: 2), Receipt1(("sku-1", 6)), Now), TransferRejectionCodes.OverReceipt);

    [Fact]
    public void GivenAReceiptNotYetReceived_WhenAnotherWouldTakeMoreThanIsLeft_ThenRejectsOverReceipt()
    {
        var state = TransferProcessTests.Receive(TransferProcessTests.Dispatched(lines: 2), Receipt, ("sku-1", 4));

        AssertRejected(TransferDecisions.Receive(state, new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 2)] }, Now), TransferRejectionCodes.OverReceipt);
        Assert.Single(Accepted(TransferDecisions.Receive(state, new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 1)] }, Now)));
    }

    [Fact]
    public void GivenEverythingInTransit_WhenReceivingASkuNotOnTheTransfer_ThenRejectsInvalidTransfer() =>
        AssertRejected(TransferDecisions.Receive(TransferProcessTests.Dispatched(lines: 2), Receipt1(("sku-9", 1)), Now), TransferRejectionCodes.InvalidTransfer);

    [Fact]
    public void GivenAnAcceptedReceipt_WhenTheSameReceiptComesAgain_ThenItIsAlreadyApplied_AndWithOtherLinesRejectsReceiptIdReused()
    {
        var state = TransferProcessTests.Receive(TransferProcessTests.Dispatched(lines: 2), Receipt, ("sku-1", 4));

        Assert.True(TransferDecisions.Receive(state, Receipt1(("sku-1", 4)), Now).Duplicate);
        AssertRejected(TransferDecisions.Receive(state, Receipt1(("sku-1", 3)), Now), TransferRejectionCodes.ReceiptIdReused);
    }

    [Fact]
    public void GivenACancelledTransfer_WhenCancelledAgain_ThenItIsAlreadyApplied()
    {
        var state = Accepted(TransferDecisions.Cancel(TransferProcessTests.Dispatched(lines: 2), new CancelTransfer(), Now)).Aggregate(TransferProcessTests.Dispatched(lines: 2), TransferState.Evolve);

        Assert.True(TransferDecisions.Cancel(state, new CancelTransfer(), Now).Duplicate);
        AssertRejected(TransferDecisions.Receive(state, Receipt1(("sku-1", 1)), Now), TransferRejectionCodes.NotInTransit);
    }

    [Fact]
    public void GivenACompletedTransfer_WhenCancelled_ThenRejectsTransferCompleted()
    {
        var state = TransferProcessTests.Dispatched(lines: 2) with { Ending = TransferStatuses.Completed };

        AssertRejected(TransferDecisions.Cancel(state, new CancelTransfer(), Now), TransferRejectionCodes.AlreadyCompleted);
    }

    [Fact]
    public void GivenAFailedTransfer_WhenCancelled_ThenRejectsNotInTransit()
    {
        var state = TransferProcessTests.Dispatched(lines: 1) with { Refusal = new TransferFailure("sku-2", "insufficient-stock", "no") };

        AssertRejected(TransferDecisions.Cancel(state, new CancelTransfer(), Now), TransferRejectionCodes.NotInTransit);
    }

    private static ReceiveTransferLines Receipt1(params (string Sku, int Quantity)[] lines) =>
        new() { ReceiptId = Receipt, Lines = [.. lines.Select(l => new TransferLine(l.Sku, l.Quantity))] };

    private static IReadOnlyList<TransferEvent> Accepted(ProcessDecision<TransferEvent> decision)
    {
        Assert.Null(decision.Rejection);
        Assert.False(decision.Duplicate);
        return decision.Events;
    }

    private static void AssertRejected(ProcessDecision<TransferEvent> decision, string code)
    {
        Assert.Equal(code, decision.Rejection?.Code);
        Assert.Empty(decision.Events);
    }
}
