namespace Inventory.Api.Contracts;

/// <summary>A stock item's state at one version of its history.</summary>
public sealed record ItemResponse(
    string WarehouseId,
    string Sku,
    int Version,
    long OnHand,
    long Reserved,
    long Available,
    long ReorderPoint,
    IReadOnlyList<ReservationResponse> Reservations,
    DateTimeOffset? LastMovementAt);
