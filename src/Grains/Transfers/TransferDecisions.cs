using Inventory.Contracts;
using Inventory.Contracts.Transfers;
using Inventory.Processes;

namespace Inventory.Transfers;

/// <summary>
/// A transfer's rules for requests: a pure function from (state, request, time) to the events that record it, a
/// rejection, or "already applied". What the items then do is <see cref="TransferProcess"/>'s part.
/// </summary>
public static class TransferDecisions
{
    public const int MaxLines = ProcessLines.MaxLines;
    public const int MaxReasonLength = 200;

    public static ProcessDecision<TransferEvent> Start(TransferState state, string transferId, StartTransfer command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (state.Exists)
        {
            return state.RequestFingerprint == command.Fingerprint()
                ? ProcessDecision<TransferEvent>.AlreadyApplied()
                : ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.TransferIdReused,
                    $"Transfer '{transferId}' was already requested with other content ({state.RequestFingerprint}).");
        }

        if (Invalid(transferId, command) is { } problem)
        {
            return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.InvalidTransfer, problem);
        }

        return ProcessDecision<TransferEvent>.Append(new TransferRequested
        {
            MovementId = ProcessIds.Step(TransferStream.Id(transferId), "requested"),
            RecordedAt = now,
            TransferId = transferId,
            FromWarehouseId = command.FromWarehouseId,
            ToWarehouseId = command.ToWarehouseId,
            Lines = [.. command.Lines],
            Reason = command.Reason,
        });
    }

    public static ProcessDecision<TransferEvent> Receive(TransferState state, ReceiveTransferLines command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (!state.Exists)
        {
            return NotFound();
        }

        if (state.Receipts.Find(r => r.ReceiptId == command.ReceiptId) is { } earlier)
        {
            return earlier.Lines.SequenceEqual(command.Lines)
                ? ProcessDecision<TransferEvent>.AlreadyApplied()
                : ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.ReceiptIdReused, $"Receipt {command.ReceiptId} was already used for other lines.");
        }

        if (state.Status != TransferStatuses.InTransit)
        {
            return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.NotInTransit, $"Transfer '{state.TransferId}' is {state.Status}: nothing can be received.");
        }

        if (command.ReceiptId == Guid.Empty)
        {
            return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.InvalidTransfer, "The receipt id must be a UUID other than all zeros.");
        }

        if (InvalidLines(command.Lines) is { } problem)
        {
            return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.InvalidTransfer, problem);
        }

        foreach (var line in command.Lines)
        {
            if (!state.Lines.Exists(l => l.Sku == line.Sku))
            {
                return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.InvalidTransfer, $"SKU '{line.Sku}' is not on transfer '{state.TransferId}'.");
            }

            var receivable = state.Receivable(line.Sku);
            if (line.Quantity > receivable)
            {
                return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.OverReceipt,
                    $"Only {receivable} of '{line.Sku}' can still arrive on transfer '{state.TransferId}'; cannot receive {line.Quantity}.");
            }
        }

        return ProcessDecision<TransferEvent>.Append(new TransferReceiptAccepted
        {
            MovementId = ProcessIds.Step(TransferStream.Id(state.TransferId!), $"receipt/{command.ReceiptId:N}"),
            RecordedAt = now,
            ReceiptId = command.ReceiptId,
            Lines = [.. command.Lines],
        });
    }

    public static ProcessDecision<TransferEvent> Cancel(TransferState state, CancelTransfer command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (!state.Exists)
        {
            return NotFound();
        }

        if (state.CancelRequested)
        {
            return ProcessDecision<TransferEvent>.AlreadyApplied();
        }

        if (command.Reason is { Length: > MaxReasonLength })
        {
            return ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.InvalidTransfer, $"A reason has at most {MaxReasonLength} characters.");
        }

        return state.Status switch
        {
            TransferStatuses.Completed => ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.AlreadyCompleted,
                $"Transfer '{state.TransferId}' completed: everything arrived, nothing can go back."),
            TransferStatuses.Failed or TransferStatuses.Compensating => ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.NotInTransit,
                $"Transfer '{state.TransferId}' failed at dispatch: nothing is in transit."),

            // The line being dispatched may have left the source without its outcome recorded yet (a crash between the
            // two): only once that step is settled is what to send back known. The process settles it by itself.
            TransferStatuses.Dispatching => ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.NotInTransit,
                $"Transfer '{state.TransferId}' is still dispatching; cancel it once it is in transit."),
            _ => ProcessDecision<TransferEvent>.Append(new TransferCancelRequested
            {
                MovementId = ProcessIds.Step(TransferStream.Id(state.TransferId!), "cancel"),
                RecordedAt = now,
                Reason = command.Reason,
            }),
        };
    }

    /// <summary>What is wrong with a transfer request, or null.</summary>
    public static string? Invalid(string transferId, StartTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Identifiers.IsValid(transferId))
        {
            return $"Transfer id '{transferId}': {Identifiers.Rule}";
        }

        if (!Identifiers.IsValid(command.FromWarehouseId) || !Identifiers.IsValid(command.ToWarehouseId))
        {
            return $"Both warehouse ids: {Identifiers.Rule}";
        }

        if (command.FromWarehouseId == command.ToWarehouseId)
        {
            return "A transfer goes from one warehouse to another: fromWarehouseId and toWarehouseId are the same.";
        }

        if (command.Reason is { Length: > MaxReasonLength })
        {
            return $"A reason has at most {MaxReasonLength} characters.";
        }

        return InvalidLines(command.Lines);
    }

    /// <summary>What is wrong with a list of lines (1 to <see cref="MaxLines"/>, each SKU once, quantities 1 to
    /// <see cref="Quantities.Max"/>), or null.</summary>
    public static string? InvalidLines(IReadOnlyList<TransferLine>? lines) => ProcessLines.Invalid(lines, l => (l.Sku, l.Quantity), "A transfer or a receipt");

    private static ProcessDecision<TransferEvent> NotFound() =>
        ProcessDecision<TransferEvent>.Reject(TransferRejectionCodes.TransferNotFound, "No transfer has this id.");
}
