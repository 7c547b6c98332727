using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Projections;

/// <summary>The dashboard's projections.</summary>
public static class StandardProjections
{
    /// <summary>Per warehouse: stock by SKU, low stock, recent movements, movements per minute.</summary>
    public static ProjectionDefinition Warehouses { get; } = new("warehouses", WarehouseViewGrain.GrainTypeName, WarehouseOf)
    {
        NewImage = ShardImage<WarehouseView>.Create,
    };

    /// <summary>Per SKU: its stock in every warehouse. SKUs are spread over <see cref="SkuBuckets"/> shards (by a stable
    /// hash), not one shard each: a checkpoint writes every shard that changed, and a catalogue of many thousand SKUs
    /// would make that thousands of storage writes. Changing the number of buckets needs a rebuild.</summary>
    public static ProjectionDefinition Skus { get; } = new("skus", SkuViewGrain.GrainTypeName, SkuBucketOfStream)
    {
        NewImage = ShardImage<SkuView>.Create,
    };

    public const int SkuBuckets = 64;

    /// <summary>The bucket names, made once (each event of a rebuild asks for one).</summary>
    private static readonly string[] Buckets = [.. Enumerable.Range(0, SkuBuckets).Select(b => b.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))];

    public static string WarehouseOf(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? streamId : streamId[..slash];
    }

    public static string SkuOf(string streamId) => StockItemKey.Split(streamId).Sku;

    /// <summary>The <c>skus</c> shard of a SKU: FNV-1a of its characters (stable across processes and versions, unlike
    /// <see cref="string.GetHashCode()"/>) modulo <see cref="SkuBuckets"/>, as two digits.</summary>
    public static string SkuBucketOf(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return SkuBucketOf(sku.AsSpan());
    }

    /// <summary>The <c>skus</c> shard of a stock item's stream: <see cref="SkuBucketOf(string)"/> of its SKU.</summary>
    public static string SkuBucketOfStream(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return SkuBucketOf(slash < 0 ? [] : streamId.AsSpan(slash + 1));
    }

    private static string SkuBucketOf(ReadOnlySpan<char> sku)
    {
        var hash = 2166136261u;
        foreach (var c in sku)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Buckets[hash % SkuBuckets];
    }
}
