namespace Inventory.Contracts.Transfers;

/// <summary>The stable codes of a refused transfer request (besides the item codes a failed line carries).</summary>
public static class TransferRejectionCodes
{
    public const string InvalidTransfer = "invalid-transfer";
    public const string TransferIdReused = "transfer-id-reused";
    public const string TransferNotFound = "transfer-not-found";
    public const string NotInTransit = "transfer-not-in-transit";
    public const string OverReceipt = "over-receipt";
    public const string ReceiptIdReused = "receipt-id-reused";
    public const string AlreadyCompleted = "transfer-completed";
    public const string DispatchFailed = "transfer-dispatch-failed";
}
