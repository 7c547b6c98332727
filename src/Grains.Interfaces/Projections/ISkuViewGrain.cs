namespace Inventory.Projections;

/// <summary>The <c>skus</c> projection's shard of one SKU: its numbers in every warehouse.</summary>
[Alias("inventory.sku-view")]
public interface ISkuViewGrain : IProjectionShardGrain
{
    [Alias("stock")]
    Task<SkuStock> GetStockAsync();
}
