using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>SKUs map to the <c>skus</c> projection's buckets by a hash that must never change (stored shards depend on it).
/// The expected buckets were computed independently (FNV-1a, 32 bits, of the UTF-16 code units, modulo 64).</summary>
public sealed class SkuBucketTests
{
    [Theory]
    [InlineData("apples", "36")]
    [InlineData("sku-000001", "26")]
    [InlineData("A", "12")]
    public void GivenASku_WhenBucketed_ThenItAlwaysLandsInTheSameBucket(string sku, string bucket) =>
        Assert.Equal(bucket, StandardProjections.SkuBucketOf(sku));

    [Theory]
    [InlineData("wh-1/apples", "36")]
    [InlineData("north.dc/sku-000001", "26")]
    public void GivenAStockItemsStream_WhenItsShardIsChosen_ThenItIsItsSkusBucket(string streamId, string bucket)
    {
        Assert.Equal(bucket, StandardProjections.SkuBucketOfStream(streamId));
        Assert.Equal(bucket, StandardProjections.Skus.PartitionOf(streamId));
        Assert.Same(StandardProjections.SkuBucketOfStream(streamId), StandardProjections.SkuBucketOf(StandardProjections.SkuOf(streamId)));
    }

    [Fact]
    public void GivenManySkus_WhenBucketed_ThenEveryBucketIsUsedAndNoneHoldsMuchMoreThanItsShare()
    {
        var sizes = Enumerable.Range(0, 10_000).Select(i => $"sku-{i:D6}").GroupBy(StandardProjections.SkuBucketOf).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(StandardProjections.SkuBuckets, sizes.Count);
        Assert.All(sizes.Values, size => Assert.InRange(size, 10_000 / StandardProjections.SkuBuckets / 2, 10_000 / StandardProjections.SkuBuckets * 2));
    }
}
