using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.Processes;

namespace Inventory.Transfers;

/// <summary>
/// The transfer's process: from its state, the next step, and the event that records each step's outcome. Pure; the
/// grain runs it until there is no next step. Order of work: receipts already accepted are received first; then, when a
/// line was refused or a cancel asked for, every line's units in transit go back to the source and the transfer ends
/// failed or cancelled; otherwise lines are dispatched in order, and once everything dispatched has arrived, the
/// transfer completes. Every item command has an id derived from the transfer and the step, so a step repeated after a
/// crash is the same movement, applied once.
/// </summary>
public static class TransferProcess
{
    public static ProcessStep<TransferEvent>? Next(TransferState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.Ended)
        {
            return null;
        }

        var stream = TransferStream.Id(state.TransferId!);
        foreach (var receipt in state.Receipts)
        {
            foreach (var line in receipt.Lines.Where(l => !state.ReceivedLines.Contains(TransferState.ReceiptLineKey(receipt.ReceiptId, l.Sku))))
            {
                return Receive(state, stream, receipt.ReceiptId, line);
            }
        }

        if (state.Refusal is not null || state.CancelRequested)
        {
            if (state.Lines.Find(l => l.InTransit > 0) is { } outstanding)
            {
                return Return(state, stream, outstanding);
            }

            TransferEvent end = state.Refusal is not null
                ? new TransferFailed { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now }
                : new TransferCancelled { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now };
            return new RecordStep<TransferEvent>(end);
        }

        if (state.Lines.Find(l => l.Dispatched < l.Requested) is { } undispatched)
        {
            return Dispatch(state, stream, undispatched);
        }

        return state.Lines.TrueForAll(l => l.Received == l.Dispatched)
            ? new RecordStep<TransferEvent>(new TransferCompleted { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now })
            : null;
    }

    private static ItemStep<TransferEvent> Dispatch(TransferState state, string stream, TransferLineState line)
    {
        var command = new DispatchTransfer
        {
            MovementId = ProcessIds.Step(stream, $"dispatch/{line.Sku}"),
            CorrelationId = stream,
            TransferId = state.TransferId!,
            ToWarehouseId = state.ToWarehouseId,
            Quantity = line.Requested,
        };
        return new ItemStep<TransferEvent>(StockItemKey.Create(state.FromWarehouseId, line.Sku), command, (answer, now) => answer.Accepted
            ? new TransferLineDispatched
            {
                MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = command.Quantity, ItemVersion = answer.Version, Position = answer.Position,
            }
            : new TransferLineRefused
            {
                MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = command.Quantity, Code = answer.Rejection!.Code, Message = answer.Rejection.Message,
            });
    }

    private static ItemStep<TransferEvent> Receive(TransferState state, string stream, Guid receiptId, TransferLine line)
    {
        var command = new ReceiveTransfer
        {
            MovementId = ProcessIds.Step(stream, $"receive/{receiptId:N}/{line.Sku}"),
            CorrelationId = stream,
            TransferId = state.TransferId!,
            FromWarehouseId = state.FromWarehouseId,
            Quantity = line.Quantity,
        };
        return new ItemStep<TransferEvent>(StockItemKey.Create(state.ToWarehouseId, line.Sku), command, (answer, now) => new TransferLineReceived
        {
            MovementId = command.MovementId, RecordedAt = now, ReceiptId = receiptId, Sku = line.Sku, Quantity = line.Quantity,
            ItemVersion = Accepted(answer, command).Version, Position = answer.Position,
        });
    }

    private static ItemStep<TransferEvent> Return(TransferState state, string stream, TransferLineState line)
    {
        var command = new ReturnTransfer
        {
            MovementId = ProcessIds.Step(stream, $"return/{line.Sku}"),
            CorrelationId = stream,
            TransferId = state.TransferId!,
            ToWarehouseId = state.ToWarehouseId,
            Quantity = checked((int)line.InTransit),
        };
        return new ItemStep<TransferEvent>(StockItemKey.Create(state.FromWarehouseId, line.Sku), command, (answer, now) => new TransferLineReturned
        {
            MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = command.Quantity,
            ItemVersion = Accepted(answer, command).Version, Position = answer.Position,
        });
    }

    /// <summary>An item never refuses a well-formed receipt or return; if one does, the step stays undone (and is tried
    /// again) rather than be recorded as done.</summary>
    private static MovementResult Accepted(MovementResult answer, StockCommand command) =>
        answer.Accepted ? answer : throw new InvalidOperationException(
            $"Item step {command.MovementId} ({command.Fingerprint()}) was refused: {answer.Rejection!.Code}: {answer.Rejection.Message}");
}
