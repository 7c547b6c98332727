namespace Inventory.Api.Contracts;

/// <summary>One SKU of a warehouse in a view, as of the item's <see cref="Version"/>; <see cref="Position"/> is the
/// global position of the item's last event the view applied.</summary>
public sealed record StockLevelResponse(
    string Sku,
    long OnHand,
    long Reserved,
    long Available,
    int ReorderPoint,
    int Version,
    long Position,
    DateTimeOffset LastMovementAt);
