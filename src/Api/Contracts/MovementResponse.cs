namespace Inventory.Api.Contracts;

/// <summary>An applied movement: the item's version and balances right after it, and the event's global position.
/// A retried movement gets the very same body.</summary>
public sealed record MovementResponse(
    Guid MovementId,
    string WarehouseId,
    string Sku,
    int Version,
    long Position,
    long OnHand,
    long Reserved,
    long Available);
