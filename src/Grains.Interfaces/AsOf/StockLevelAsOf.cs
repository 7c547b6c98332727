namespace Inventory.Contracts.AsOf;

/// <summary>One stock item's balances at an instant, read from the ledger: those right after its last event recorded at or
/// before that instant (<see cref="Version"/>, at global <see cref="Position"/>, recorded at <see cref="LastMovementAt"/>).</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-level-as-of")]
public sealed record StockLevelAsOf(
    [property: Id(0)] string WarehouseId,
    [property: Id(1)] string Sku,
    [property: Id(2)] long OnHand,
    [property: Id(3)] long Reserved,
    [property: Id(4)] int Version,
    [property: Id(5)] long Position,
    [property: Id(6)] DateTimeOffset LastMovementAt)
{
    public long Available => OnHand - Reserved;
}
