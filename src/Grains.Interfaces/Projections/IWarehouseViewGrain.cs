namespace Inventory.Contracts.Projections;

/// <summary>The <c>warehouses</c> projection's shard of one warehouse: stock by SKU with totals, low stock, recent
/// movements and movements per minute.</summary>
[Alias("inventory.warehouse-view")]
public interface IWarehouseViewGrain : IProjectionShardGrain
{
    [Alias("stock")]
    Task<WarehouseStockPage> GetStockAsync(string? afterSku, int limit);

    [Alias("low-stock")]
    Task<IReadOnlyList<StockLevel>> GetLowStockAsync();

    [Alias("recent")]
    Task<IReadOnlyList<RecentMovement>> GetRecentMovementsAsync();

    [Alias("summary")]
    Task<WarehouseSummary> GetSummaryAsync();
}
