namespace Inventory.Contracts.StockItems;

/// <summary>The stable codes of <see cref="Rejection"/>. They are a public contract: never rename one.</summary>
public static class RejectionCodes
{
    public const string InvalidMovementId = "invalid-movement-id";
    public const string InvalidQuantity = "invalid-quantity";
    public const string InvalidReservationId = "invalid-reservation-id";
    public const string ReasonRequired = "reason-required";
    public const string InsufficientStock = "insufficient-stock";
    public const string UnknownReservation = "unknown-reservation";
    public const string ReservationAlreadyOpen = "reservation-already-open";
    public const string ReservationExceeded = "reservation-exceeded";
    public const string BelowReserved = "below-reserved";
    public const string CountBelowReserved = "count-below-reserved";
    public const string MovementIdReused = "movement-id-reused";
    public const string InvalidTransfer = "invalid-transfer";
    public const string InvalidPrincipal = "invalid-principal";
}
