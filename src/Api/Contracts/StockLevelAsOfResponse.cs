namespace Inventory.Api.Contracts;

/// <summary>One SKU of a warehouse at an instant, from the ledger: the balances right after the item's last event recorded
/// by then (its <see cref="Version"/>, at global <see cref="Position"/>, recorded at <see cref="LastMovementAt"/>). As
/// <see cref="StockLevelResponse"/> without the reorder point, which the ledger's balances do not carry.</summary>
public sealed record StockLevelAsOfResponse(
    string Sku,
    long OnHand,
    long Reserved,
    long Available,
    int Version,
    long Position,
    DateTimeOffset LastMovementAt);
