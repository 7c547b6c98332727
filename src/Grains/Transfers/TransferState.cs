using System.Collections.Immutable;
using Inventory.Contracts.Transfers;

namespace Inventory.Transfers;

/// <summary>
/// A transfer folded from its own log. Immutable; <see cref="Evolve"/> is the only way it changes. What it has
/// dispatched, received and returned per line are the outcomes the items answered, so that for every line
/// received + in transit + returned = dispatched.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-state")]
public sealed record TransferState
{
    public static readonly TransferState Empty = new();

    [Id(0)] public string? TransferId { get; init; }

    [Id(1)] public string FromWarehouseId { get; init; } = "";

    [Id(2)] public string ToWarehouseId { get; init; } = "";

    [Id(3)] public string? Reason { get; init; }

    [Id(4)] public DateTimeOffset RequestedAt { get; init; }

    /// <summary>In the order they were requested (and are dispatched).</summary>
    [Id(5)] public ImmutableList<TransferLineState> Lines { get; init; } = [];

    /// <summary>Accepted receipts, in the order they were accepted.</summary>
    [Id(6)] public ImmutableList<TransferReceipt> Receipts { get; init; } = [];

    /// <summary>The receipt lines the destination has received, as <see cref="ReceiptLineKey"/>.</summary>
    [Id(7)] public ImmutableHashSet<string> ReceivedLines { get; init; } = [];

    [Id(8)] public bool CancelRequested { get; init; }

    [Id(9)] public string? CancelReason { get; init; }

    /// <summary>The line the source refused to dispatch, if one was.</summary>
    [Id(10)] public TransferFailure? Refusal { get; init; }

    [Id(11)] public DateTimeOffset? DispatchedAt { get; init; }

    [Id(12)] public DateTimeOffset? EndedAt { get; init; }

    /// <summary><see cref="TransferStatuses.Completed"/>, <see cref="TransferStatuses.Cancelled"/> or
    /// <see cref="TransferStatuses.Failed"/> once the transfer ended.</summary>
    [Id(13)] public string? Ending { get; init; }

    [Id(14)] public string? RequestFingerprint { get; init; }

    public bool Exists => TransferId is not null;

    public bool Ended => Ending is not null;

    public string Status =>
        Ending
        ?? (Refusal is not null ? TransferStatuses.Compensating
        : CancelRequested ? TransferStatuses.Cancelling
        : Lines.Any(l => l.Dispatched < l.Requested) ? TransferStatuses.Dispatching
        : TransferStatuses.InTransit);

    public static string ReceiptLineKey(Guid receiptId, string sku) => $"{receiptId:N}/{sku}";

    /// <summary>Units of <paramref name="sku"/> in accepted receipts that the destination has not received yet.</summary>
    public long PendingReceipt(string sku) =>
        Receipts.Sum(r => r.Lines.Where(l => l.Sku == sku && !ReceivedLines.Contains(ReceiptLineKey(r.ReceiptId, sku))).Sum(l => (long)l.Quantity));

    /// <summary>What a new receipt may still take of <paramref name="sku"/>: in transit, less pending receipts.</summary>
    public long Receivable(string sku) => Lines.Find(l => l.Sku == sku) is { } line ? line.InTransit - PendingReceipt(sku) : 0;

    public static TransferState Evolve(TransferState state, TransferEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            TransferRequested e => state with
            {
                TransferId = e.TransferId,
                FromWarehouseId = e.FromWarehouseId,
                ToWarehouseId = e.ToWarehouseId,
                Reason = e.Reason,
                RequestedAt = e.RecordedAt,
                Lines = [.. e.Lines.Select(l => new TransferLineState(l.Sku, l.Quantity))],
                RequestFingerprint = Fingerprint(e),
            },
            TransferLineDispatched e => state.Dispatch(e),
            TransferLineRefused e => state with { Refusal = new TransferFailure(e.Sku, e.Code, e.Message) },
            TransferReceiptAccepted e => state with { Receipts = state.Receipts.Add(new TransferReceipt(e.ReceiptId, e.Lines)) },
            TransferLineReceived e => state.WithLine(e.Sku, l => l with { Received = l.Received + e.Quantity }) with
            {
                ReceivedLines = state.ReceivedLines.Add(ReceiptLineKey(e.ReceiptId, e.Sku)),
            },
            TransferCancelRequested e => state with { CancelRequested = true, CancelReason = e.Reason },
            TransferLineReturned e => state.WithLine(e.Sku, l => l with { Returned = l.Returned + e.Quantity }),
            TransferCompleted e => state with { Ending = TransferStatuses.Completed, EndedAt = e.RecordedAt },
            TransferCancelled e => state with { Ending = TransferStatuses.Cancelled, EndedAt = e.RecordedAt },
            TransferFailed e => state with { Ending = TransferStatuses.Failed, EndedAt = e.RecordedAt },
            _ => state,
        };
    }

    public static TransferState Fold(IEnumerable<TransferEvent> events) => events.Aggregate(Empty, Evolve);

    /// <summary>The request's content as <see cref="StartTransfer.Fingerprint"/> gives it.</summary>
    public static string Fingerprint(TransferRequested e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new StartTransfer { FromWarehouseId = e.FromWarehouseId, ToWarehouseId = e.ToWarehouseId, Lines = e.Lines, Reason = e.Reason }.Fingerprint();
    }

    /// <summary>The line dispatched; the transfer is in transit from when its last line is.</summary>
    private TransferState Dispatch(TransferLineDispatched e)
    {
        var next = WithLine(e.Sku, l => l with { Dispatched = l.Dispatched + e.Quantity });
        return next.Lines.All(l => l.Dispatched >= l.Requested) ? next with { DispatchedAt = e.RecordedAt } : next;
    }

    private TransferState WithLine(string sku, Func<TransferLineState, TransferLineState> change)
    {
        var index = Lines.FindIndex(l => l.Sku == sku);
        return index < 0 ? this : this with { Lines = Lines.SetItem(index, change(Lines[index])) };
    }
}
