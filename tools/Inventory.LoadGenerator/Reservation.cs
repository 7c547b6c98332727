namespace Inventory.LoadGenerator;

/// <summary>A reservation a scanner made (201) and may release later.</summary>
internal sealed record Reservation(string WarehouseId, string Sku, string ReservationId);
