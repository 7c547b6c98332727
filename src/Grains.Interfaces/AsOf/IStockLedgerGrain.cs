namespace Inventory.Contracts.AsOf;

/// <summary>
/// Stock as of any instant, answered from the ledger (the event store's balances after each event), not from the views
/// and not by replaying events. Items with no event recorded at or before the instant are not listed. Times are kept to
/// the microsecond (as the store keeps them).
/// </summary>
[RetrySafe]
[Alias("inventory.stock-ledger")]
public interface IStockLedgerGrain : IGrainWithIntegerKey
{
    /// <summary>At most <paramref name="limit"/> SKUs of the warehouse after <paramref name="afterSku"/> (ordinal order);
    /// with <paramref name="withTotals"/>, also the whole warehouse's totals at that instant.</summary>
    [Alias("warehouse-stock")]
    Task<WarehouseStockAsOfPage> GetWarehouseStockAsync(string warehouseId, DateTimeOffset asOf, string? afterSku, int limit, bool withTotals);

    [Alias("sku-stock")]
    Task<SkuStockAsOf> GetSkuStockAsync(string sku, DateTimeOffset asOf);
}
