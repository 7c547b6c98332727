using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;

namespace Inventory.StockItems;

/// <summary>
/// The stored names and current schema versions of the stock item events: the public contract of the
/// event store. Never rename; a breaking change bumps the version and adds an upcaster from the old one.
/// </summary>
public static class StockItemEventTypes
{
    public const string Received = "stock-received";
    public const string Picked = "stock-picked";
    public const string Reserved = "stock-reserved";
    public const string Released = "reservation-released";
    public const string Adjusted = "stock-adjusted";
    public const string Counted = "stock-counted";
    public const string ReorderPointSet = "reorder-point-set";
    public const string TransferDispatched = "transfer-dispatched";
    public const string TransferReceived = "transfer-received";
    public const string TransferReturned = "transfer-returned";

    public static EventSerializer<StockItemEvent> Serializer { get; } = new(
        [
            (typeof(StockReceived), Received, 1),
            (typeof(StockPicked), Picked, 1),
            (typeof(StockReserved), Reserved, 1),
            (typeof(ReservationReleased), Released, 1),
            (typeof(StockAdjusted), Adjusted, 2),
            (typeof(StockCounted), Counted, 1),
            (typeof(StockItems.ReorderPointSet), ReorderPointSet, 1),
            (typeof(StockItems.TransferDispatched), TransferDispatched, 1),
            (typeof(StockItems.TransferReceived), TransferReceived, 1),
            (typeof(StockItems.TransferReturned), TransferReturned, 1),
        ],
        [new StockAdjustedV1Upcaster()]);
}
