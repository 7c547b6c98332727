using Inventory.Contracts.AsOf;
using Orleans.Concurrency;

namespace Inventory.AsOf;

/// <summary>As-of reads of the ledger (<see cref="IStockLedger"/>): a stateless worker, as many activations as calls need.</summary>
[StatelessWorker]
[GrainType("stock-ledger")]
public sealed class StockLedgerGrain(IStockLedger ledger, AsOfTotalsCache totalsCache) : Grain, IStockLedgerGrain
{
    public async Task<WarehouseStockAsOfPage> GetWarehouseStockAsync(string warehouseId, DateTimeOffset asOf, string? afterSku, int limit, bool withTotals)
    {
        ArgumentNullException.ThrowIfNull(warehouseId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        asOf = LedgerBalances.ToMicroseconds(asOf);
        var items = await ledger.ReadWarehouseAsync(warehouseId, asOf, afterSku, limit + 1);
        var totals = withTotals
            ? await totalsCache.GetAsync(warehouseId, asOf, () => ledger.ReadWarehouseTotalsAsync(warehouseId, asOf))
            : null;
        return items.Count > limit
            ? new WarehouseStockAsOfPage(warehouseId, asOf, [.. items.Take(limit)], totals, items[limit - 1].Sku)
            : new WarehouseStockAsOfPage(warehouseId, asOf, items, totals, null);
    }

    public async Task<SkuStockAsOf> GetSkuStockAsync(string sku, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(sku);
        asOf = LedgerBalances.ToMicroseconds(asOf);
        var warehouses = await ledger.ReadSkuAsync(sku, asOf);
        return new SkuStockAsOf(sku, asOf, warehouses, StockTotalsAsOf.Of(warehouses));
    }
}
