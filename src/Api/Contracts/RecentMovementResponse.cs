namespace Inventory.Api.Contracts;

/// <summary>A movement as the views applied it: the stored event type (e.g. <c>stock-received</c>), the change of
/// on-hand and the item's balances right after it, and who sent it (<see cref="Principal"/>: the API key's name; null for
/// events stored before it was kept).</summary>
public sealed record RecentMovementResponse(
    string WarehouseId,
    string Sku,
    Guid MovementId,
    Guid EventId,
    string Type,
    long OnHandDelta,
    long OnHandAfter,
    long ReservedAfter,
    int Version,
    long Position,
    DateTimeOffset RecordedAt,
    string? Principal);
