namespace Inventory.Api.Contracts;

/// <summary>One SKU's numbers at one warehouse.</summary>
public sealed record SkuWarehouseStockResponse(
    string WarehouseId,
    long OnHand,
    long Reserved,
    long Available,
    int ReorderPoint,
    int Version,
    long Position,
    DateTimeOffset LastMovementAt);
