namespace Inventory.Contracts.Orders;

/// <summary>The stable codes of a refused order request (besides the item codes a failed line carries).</summary>
public static class OrderRejectionCodes
{
    public const string InvalidOrder = "invalid-order";
    public const string OrderIdReused = "order-id-reused";
    public const string OrderNotFound = "order-not-found";
    public const string ReservationFailed = "order-reservation-failed";
    public const string NotReserved = "order-not-reserved";
    public const string AlreadyFulfilled = "order-fulfilled";
    public const string OverPick = "over-pick";
    public const string NothingToPick = "nothing-to-pick";
    public const string PickIdReused = "pick-id-reused";
    public const string PickFailed = "order-pick-failed";
}
