using Inventory.EventStore;

namespace Inventory.Transfers;

/// <summary>The stored names and current schema versions of a transfer's own events (see StockItemEventTypes).</summary>
public static class TransferEventTypes
{
    public const string Requested = "transfer-requested";
    public const string LineDispatched = "transfer-line-dispatched";
    public const string LineRefused = "transfer-line-refused";
    public const string ReceiptAccepted = "transfer-receipt-accepted";
    public const string LineReceived = "transfer-line-received";
    public const string CancelRequested = "transfer-cancel-requested";
    public const string LineReturned = "transfer-line-returned";
    public const string Completed = "transfer-completed";
    public const string Cancelled = "transfer-cancelled";
    public const string Failed = "transfer-failed";

    public static EventSerializer<TransferEvent> Serializer { get; } = new(
        [
            (typeof(TransferRequested), Requested, 1),
            (typeof(TransferLineDispatched), LineDispatched, 1),
            (typeof(TransferLineRefused), LineRefused, 1),
            (typeof(TransferReceiptAccepted), ReceiptAccepted, 1),
            (typeof(TransferLineReceived), LineReceived, 1),
            (typeof(TransferCancelRequested), CancelRequested, 1),
            (typeof(TransferLineReturned), LineReturned, 1),
            (typeof(TransferCompleted), Completed, 1),
            (typeof(TransferCancelled), Cancelled, 1),
            (typeof(TransferFailed), Failed, 1),
        ],
        []);
}
