namespace Inventory.Api.Contracts;

/// <summary>An open reservation and the quantity it still holds.</summary>
public sealed record ReservationResponse(string ReservationId, long Quantity);
