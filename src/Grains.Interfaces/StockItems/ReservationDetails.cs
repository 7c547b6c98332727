namespace Inventory.Contracts.StockItems;

/// <summary>An open reservation and the quantity it still holds.</summary>
[GenerateSerializer, Immutable, Alias("inventory.reservation-details")]
public sealed record ReservationDetails([property: Id(0)] string ReservationId, [property: Id(1)] long Quantity);
