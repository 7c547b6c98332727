namespace Inventory.Contracts.StockItems;

/// <summary>References to stock items, made without Orleans' per-call interface lookup (see <see cref="GrainReferences"/>).</summary>
public static class StockItemGrains
{
    /// <summary>The stock item with key <c>"{warehouseId}/{sku}"</c>; the same reference as
    /// <c>grains.GetGrain&lt;IStockItemGrain&gt;(key)</c>.</summary>
    public static IStockItemGrain GetStockItem(this IGrainFactory grains, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return GrainReferences.Get<IStockItemGrain>(grains, GrainId.Create(StockItemKey.GrainType, key));
    }
}
