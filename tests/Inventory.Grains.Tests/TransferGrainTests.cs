using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.EventStore;
using Inventory.Processes;
using Inventory.StockItems;
using Inventory.Testing;
using Inventory.Transfers;
using static Inventory.Grains.Tests.Commands;

namespace Inventory.Grains.Tests;

/// <summary>The transfer grain on the two-silo test cluster: its steps reach the items, its retries apply nothing twice,
/// and a transfer stopped by a failing store resumes by itself (its reminder) once the store is back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TransferGrainTests(ClusterFixture fixture)
{
    private readonly string _from = "wh-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _to = "wh-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _transferId = "t-" + Guid.NewGuid().ToString("N")[..12];

    private ITransferGrain Transfer => fixture.Client.GetGrain<ITransferGrain>(_transferId);

    private StartTransfer Request => new() { FromWarehouseId = _from, ToWarehouseId = _to, Lines = [new("sku-1", 6), new("sku-2", 4)], Reason = "rebalance" };

    [Fact]
    public async Task GivenStockAtTheSource_WhenTransferredAndReceivedInTwoReceipts_ThenStockMovedAndTheTransferCompleted()
    {
        await StockAsync(10, 10);

        var started = await Transfer.StartAsync(Request);

        Assert.True(started.Accepted, started.Rejection?.Message);
        Assert.Equal(TransferStatuses.InTransit, started.Transfer!.Status);
        Assert.Equal([6L, 4L], started.Transfer.Lines.Select(l => l.InTransit));
        Assert.Equal((4L, 6L), (await OnHandAsync(_from, "sku-1"), await OnHandAsync(_from, "sku-2")));

        var first = await Transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 2)] });
        Assert.Equal(TransferStatuses.InTransit, first.Transfer!.Status);
        var second = await Transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 4), new("sku-2", 4)] });

        Assert.Equal(TransferStatuses.Completed, second.Transfer!.Status);
        Assert.Equal((6L, 4L), (await OnHandAsync(_to, "sku-1"), await OnHandAsync(_to, "sku-2")));
        Assert.Equal(
            ["transfer-requested", "transfer-line-dispatched", "transfer-line-dispatched", "transfer-receipt-accepted", "transfer-line-received",
             "transfer-receipt-accepted", "transfer-line-received", "transfer-line-received", "transfer-completed"],
            second.Transfer.History.Select(h => h.Type));
        var dispatched = await fixture.Store.ReadStreamAsync($"{_from}/sku-1", 1, 10);
        Assert.Equal(StockItemEventTypes.TransferDispatched, Assert.Single(dispatched).Type);
    }

    [Fact]
    public async Task GivenTooLittleStockForTheSecondLine_WhenTransferred_ThenItIsRefusedNamingTheLineAndNothingIsWritten()
    {
        await StockAsync(10, 3);

        var result = await Transfer.StartAsync(Request);

        Assert.Equal(TransferRejectionCodes.DispatchFailed, result.Rejection?.Code);
        Assert.Equal(new TransferFailure("sku-2", RejectionCodes.InsufficientStock, "Only 3 available; cannot dispatch 4."), result.Failure);
        Assert.Null(result.Transfer);
        Assert.Empty(await fixture.Store.ReadStreamAsync(TransferStream.Id(_transferId), 0, 10));
        Assert.Single(await fixture.Store.ReadStreamAsync($"{_from}/sku-1", 0, 10));
    }

    [Fact]
    public async Task GivenTheSecondLineRefusedAtDispatch_WhenTransferred_ThenTheFirstLineGoesBackAndTheAnswerNamesTheLine()
    {
        await StockAsync(10, 10);

        // The source refuses the second dispatch although the stock is there: its movement id was used before for
        // something else (the refusal a race for the stock would give, on demand).
        await fixture.Item($"{_from}/sku-2").ExecuteAsync(Receive(1, ProcessIds.Step(TransferStream.Id(_transferId), "dispatch/sku-2")));
        var result = await Transfer.StartAsync(Request);

        Assert.Equal(TransferRejectionCodes.DispatchFailed, result.Rejection?.Code);
        Assert.Equal(TransferStatuses.Failed, result.Transfer!.Status);
        Assert.Equal(("sku-2", RejectionCodes.MovementIdReused), (result.Failure!.Sku, result.Failure.Code));
        Assert.Equal((10L, 11L), (await OnHandAsync(_from, "sku-1"), await OnHandAsync(_from, "sku-2")));
        Assert.Equal(
            [StockItemEventTypes.Received, StockItemEventTypes.TransferDispatched, StockItemEventTypes.TransferReturned],
            (await fixture.Store.ReadStreamAsync($"{_from}/sku-1", 0, 10)).Select(e => e.Type));
        Assert.Equal(
            [TransferEventTypes.Requested, TransferEventTypes.LineDispatched, TransferEventTypes.LineRefused, TransferEventTypes.LineReturned, TransferEventTypes.Failed],
            result.Transfer.History.Select(h => h.Type));

        var again = await Transfer.StartAsync(Request);
        Assert.Equal((TransferRejectionCodes.DispatchFailed, true), (again.Rejection?.Code, again.Duplicate));
    }

    [Fact]
    public async Task GivenAStartedTransfer_WhenTheSameRequestsComeAgain_ThenNothingIsAppliedTwice()
    {
        await StockAsync(10, 10);
        await Transfer.StartAsync(Request);
        var receipt = new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 2)] };
        await Transfer.ReceiveAsync(receipt);

        var start = await Transfer.StartAsync(Request);
        var receive = await Transfer.ReceiveAsync(receipt);
        var reused = await Transfer.StartAsync(Request with { Lines = [new("sku-1", 1)] });

        Assert.True(start.Duplicate);
        Assert.True(receive.Duplicate);
        Assert.Equal(TransferRejectionCodes.TransferIdReused, reused.Rejection?.Code);
        Assert.Equal((4L, 2L), (await OnHandAsync(_from, "sku-1"), await OnHandAsync(_to, "sku-1")));
    }

    [Fact]
    public async Task GivenAPartialReceipt_WhenCancelled_ThenTheRestGoesBackToTheSource()
    {
        await StockAsync(10, 10);
        await Transfer.StartAsync(Request);
        await Transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 2)] });

        var cancelled = await Transfer.CancelAsync(new CancelTransfer { Reason = "wrong truck" });

        Assert.Equal(TransferStatuses.Cancelled, cancelled.Transfer!.Status);
        Assert.All(cancelled.Transfer.Lines, l => Assert.Equal(l.Dispatched, l.Received + l.Returned));
        Assert.Equal((8L, 10L, 2L), (await OnHandAsync(_from, "sku-1"), await OnHandAsync(_from, "sku-2"), await OnHandAsync(_to, "sku-1")));
        Assert.True((await Transfer.CancelAsync(new CancelTransfer())).Duplicate);
        Assert.Equal(TransferRejectionCodes.NotInTransit, (await Transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-2", 1)] })).Rejection?.Code);
    }

    [Fact]
    public async Task GivenTheDestinationStoreDown_WhenReceiving_ThenTheCallerIsToldToRetryAndTheTransferFinishesByItselfOnceTheStoreIsBack()
    {
        await StockAsync(10, 10);
        await Transfer.StartAsync(Request);
        var destination = $"{_to}/sku-2";
        fixture.Store.Inject(destination, FaultInjectingEventStore.Fault.Unreachable);

        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 6), new("sku-2", 4)] }));
        fixture.Store.Heal(destination);

        // No caller comes back: the reminder wakes the transfer, which receives the last line and completes.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await fixture.Store.ReadStreamAsync(TransferStream.Id(_transferId), 0, 100)).Any(e => e.Type == TransferEventTypes.Completed))
        {
            Assert.True(DateTime.UtcNow < deadline, "the transfer did not resume by itself within 30 s");
            await Task.Delay(200);
        }

        Assert.Equal((6L, 4L), (await OnHandAsync(_to, "sku-1"), await OnHandAsync(_to, "sku-2")));
        Assert.Single(await fixture.Store.ReadStreamAsync(destination, 0, 10));
    }

    [Fact]
    public async Task GivenAReceiptByOnePrincipalThatResumesByItself_ThenTheStepsTakenOnResumptionCarryThatPrincipal()
    {
        await StockAsync(10, 10);
        await Transfer.StartAsync(Request with { Principal = "dispatcher-1" });
        var destination = $"{_to}/sku-2";
        fixture.Store.Inject(destination, FaultInjectingEventStore.Fault.Unreachable);

        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 6), new("sku-2", 4)], Principal = "dock-7" }));
        fixture.Store.Heal(destination);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await fixture.Store.ReadStreamAsync(TransferStream.Id(_transferId), 0, 100)).Any(e => e.Type == TransferEventTypes.Completed))
        {
            Assert.True(DateTime.UtcNow < deadline, "the transfer did not resume by itself within 30 s");
            await Task.Delay(200);
        }

        var own = await fixture.Store.ReadStreamAsync(TransferStream.Id(_transferId), 0, 100);
        Assert.All(own.TakeWhile(e => e.Type != TransferEventTypes.ReceiptAccepted), e => Assert.Equal("dispatcher-1", StoredEvent.PrincipalOf(e.Metadata)));
        Assert.All(own.SkipWhile(e => e.Type != TransferEventTypes.ReceiptAccepted), e => Assert.Equal("dock-7", StoredEvent.PrincipalOf(e.Metadata)));
        Assert.Equal("dispatcher-1", StoredEvent.PrincipalOf((await fixture.Store.ReadStreamAsync($"{_from}/sku-2", 0, 10))[^1].Metadata));
        Assert.Equal("dock-7", StoredEvent.PrincipalOf(Assert.Single(await fixture.Store.ReadStreamAsync(destination, 0, 10)).Metadata));
    }

    [Fact]
    public async Task GivenAnInvalidPrincipal_WhenStarting_ThenRefusedAndNothingIsWritten()
    {
        await StockAsync(10, 10);

        var refused = await Transfer.StartAsync(Request with { Principal = "bad\nname" });

        Assert.Equal(RejectionCodes.InvalidPrincipal, refused.Rejection?.Code);
        Assert.Empty(await fixture.Store.ReadStreamAsync(TransferStream.Id(_transferId), 0, 10));
        Assert.Equal(10L, await OnHandAsync(_from, "sku-1"));
    }

    [Fact]
    public async Task GivenTheTransfersOwnAppendLostItsAcknowledgement_WhenAskedAgain_ThenItResumesWithoutDispatchingTwice()
    {
        await StockAsync(10, 10);
        var stream = TransferStream.Id(_transferId);
        fixture.Store.Inject(stream, FaultInjectingEventStore.Fault.CommitThenLoseAcknowledgement);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Transfer.StartAsync(Request));
        fixture.Store.Heal(stream);
        var again = await Transfer.StartAsync(Request);

        Assert.Equal(TransferStatuses.InTransit, again.Transfer!.Status);
        Assert.Equal((4L, 6L), (await OnHandAsync(_from, "sku-1"), await OnHandAsync(_from, "sku-2")));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync($"{_from}/sku-1", 0, 10)).Count);
    }

    [Fact]
    public async Task GivenNoTransfer_WhenReadOrCancelled_ThenNothingIsThereAndNothingIsWritten()
    {
        Assert.Null(await Transfer.GetAsync());
        Assert.Equal(TransferRejectionCodes.TransferNotFound, (await Transfer.CancelAsync(new CancelTransfer())).Rejection?.Code);
        Assert.Empty(await fixture.Store.ReadStreamAsync(TransferStream.Id(_transferId), 0, 10));
    }

    private async Task StockAsync(int first, int second)
    {
        await fixture.Item($"{_from}/sku-1").ExecuteAsync(Receive(first));
        await fixture.Item($"{_from}/sku-2").ExecuteAsync(Receive(second));
    }

    private async Task<long> OnHandAsync(string warehouseId, string sku) => (await fixture.Item($"{warehouseId}/{sku}").GetDetailsAsync()).OnHand;
}
