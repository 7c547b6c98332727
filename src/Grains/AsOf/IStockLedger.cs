using Inventory.Contracts.AsOf;

namespace Inventory.AsOf;

/// <summary>
/// Stock item balances at an instant, read from the ledger: for each stock item stream (<c>{warehouseId}/{sku}</c>; other
/// streams are never considered), its event of highest version recorded at or before <c>asOf</c>, whose data carries
/// <c>onHandAfter</c> and <c>reservedAfter</c>. Items with no such event are not listed. Implementations:
/// <see cref="LogScanStockLedger"/> (any <see cref="EventStore.IEventLog"/>, the in-memory default) and
/// <see cref="PostgresStockLedger"/>; one contract test suite runs against both.
/// </summary>
public interface IStockLedger
{
    /// <summary>At most <paramref name="limit"/> items of the warehouse whose SKU follows <paramref name="afterSku"/> (all
    /// when null), in ordinal SKU order.</summary>
    Task<IReadOnlyList<StockLevelAsOf>> ReadWarehouseAsync(
        string warehouseId, DateTimeOffset asOf, string? afterSku, int limit, CancellationToken cancellationToken = default);

    /// <summary>The sums over every item of the warehouse.</summary>
    Task<StockTotalsAsOf> ReadWarehouseTotalsAsync(string warehouseId, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>The SKU in every warehouse, in ordinal warehouse id order.</summary>
    Task<IReadOnlyList<StockLevelAsOf>> ReadSkuAsync(string sku, DateTimeOffset asOf, CancellationToken cancellationToken = default);
}
