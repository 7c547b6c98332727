namespace Inventory.Contracts.Orders;

/// <summary>
/// One order's hold on stock in one warehouse, keyed by its order id: a process manager with its own event log (stream
/// <c>order:{orderId}</c>) that reserves every line at its item (reservation <see cref="OrderIds.ReservationId"/>), picks
/// against those reservations and releases what is left, one item at a time, recording each outcome before the next
/// step. Every call is idempotent (the order id, the pick id); a call that answers
/// <see cref="StockItems.StorageUnavailableException"/> left the order resumable: it finishes by itself, and the same
/// call may be sent again.
/// </summary>
[RetrySafe]
[Alias("inventory.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Reserves every line, or none: a line an item refuses releases the lines reserved before it, and the
    /// answer says which line failed and why.</summary>
    [Alias("reserve")]
    Task<OrderResult> ReserveAsync(ReserveOrder command);

    /// <summary>Picks against the order's reservations; more than a line still holds is refused.</summary>
    [Alias("pick")]
    Task<OrderResult> PickAsync(PickOrder command);

    /// <summary>Releases everything the order still holds.</summary>
    [Alias("release")]
    Task<OrderResult> ReleaseAsync(ReleaseOrder command);

    /// <summary>The order's state and history; null when no order has this id.</summary>
    [Alias("get")]
    Task<OrderDetails?> GetAsync();
}
