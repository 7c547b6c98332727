namespace Inventory.Contracts.Transfers;

/// <summary>
/// One transfer of stock between two warehouses, keyed by its transfer id: a process manager with its own event log
/// (stream <c>transfer:{transferId}</c>) that dispatches every line at the source, receives at the destination and
/// returns what is cancelled, one item at a time, recording each outcome before the next step. Every call is
/// idempotent (the transfer id, the receipt id); a call that answers <see cref="StockItems.StorageUnavailableException"/>
/// left the transfer resumable: it finishes by itself, and the same call may be sent again.
/// </summary>
[RetrySafe]
[Alias("inventory.ITransferGrain")]
public interface ITransferGrain : IGrainWithStringKey
{
    /// <summary>Dispatches every line at the source, or none: a line the source refuses returns the lines dispatched
    /// before it, and the answer says which line failed and why.</summary>
    [Alias("start")]
    Task<TransferResult> StartAsync(StartTransfer command);

    /// <summary>Receives some or all of what is in transit at the destination; more than is in transit is refused.</summary>
    [Alias("receive")]
    Task<TransferResult> ReceiveAsync(ReceiveTransferLines command);

    /// <summary>Returns everything still in transit to the source.</summary>
    [Alias("cancel")]
    Task<TransferResult> CancelAsync(CancelTransfer command);

    /// <summary>The transfer's state and history; null when no transfer has this id.</summary>
    [Alias("get")]
    Task<TransferDetails?> GetAsync();
}
