namespace Inventory.Contracts.Projections;

/// <summary>The <c>skus</c> projection's shard of one bucket of SKUs (see <c>StandardProjections.SkuBucketOf</c>): each
/// SKU's numbers in every warehouse.</summary>
[Alias("inventory.sku-view")]
public interface ISkuViewGrain : IProjectionShardGrain
{
    [Alias("stock")]
    Task<SkuStock> GetStockAsync(string sku);

    /// <summary>How many SKUs the bucket has.</summary>
    [Alias("sku-count")]
    Task<int> GetSkuCountAsync();

    /// <summary>The bucket's units in transit, of transfers from or to <paramref name="warehouseId"/> (all when null).</summary>
    [Alias("transit")]
    Task<IReadOnlyList<TransitLine>> GetTransitAsync(string? warehouseId);
}
