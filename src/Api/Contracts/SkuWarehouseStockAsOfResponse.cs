namespace Inventory.Api.Contracts;

/// <summary>One SKU's numbers at one warehouse at an instant, from the ledger.</summary>
public sealed record SkuWarehouseStockAsOfResponse(
    string WarehouseId,
    long OnHand,
    long Reserved,
    long Available,
    int Version,
    long Position,
    DateTimeOffset LastMovementAt);
