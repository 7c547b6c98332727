using Inventory.EventStore;

namespace Inventory.Orders;

/// <summary>The stored names and current schema versions of an order's own events (see StockItemEventTypes).</summary>
public static class OrderEventTypes
{
    public const string Requested = "order-requested";
    public const string LineReserved = "order-line-reserved";
    public const string LineRefused = "order-line-refused";
    public const string PickAccepted = "order-pick-accepted";
    public const string LinePicked = "order-line-picked";
    public const string LinePickRefused = "order-line-pick-refused";
    public const string ReleaseRequested = "order-release-requested";
    public const string LineReleased = "order-line-released";
    public const string LineReservationLost = "order-line-reservation-lost";
    public const string Fulfilled = "order-fulfilled";
    public const string Released = "order-released";
    public const string Failed = "order-failed";

    public static EventSerializer<OrderEvent> Serializer { get; } = new(
        [
            (typeof(OrderRequested), Requested, 1),
            (typeof(OrderLineReserved), LineReserved, 1),
            (typeof(OrderLineRefused), LineRefused, 1),
            (typeof(OrderPickAccepted), PickAccepted, 1),
            (typeof(OrderLinePicked), LinePicked, 1),
            (typeof(OrderLinePickRefused), LinePickRefused, 1),
            (typeof(OrderReleaseRequested), ReleaseRequested, 1),
            (typeof(OrderLineReleased), LineReleased, 1),
            (typeof(OrderLineReservationLost), LineReservationLost, 1),
            (typeof(OrderFulfilled), Fulfilled, 1),
            (typeof(OrderReleased), Released, 1),
            (typeof(OrderFailed), Failed, 1),
        ],
        []);
}
