namespace Inventory.LoadGenerator;

/// <summary>The JSON body of <c>POST /api/v1/movements</c> (and one entry of a batch); nulls are left out.</summary>
internal sealed record MovementBody(
    Guid MovementId,
    string WarehouseId,
    string Sku,
    string Type,
    int? Quantity = null,
    string? ReservationId = null,
    string? Reason = null,
    string? ScannerId = null);
