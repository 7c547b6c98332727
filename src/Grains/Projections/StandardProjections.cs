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
    public static ProjectionDefinition Skus { get; } = new("skus", SkuViewGrain.GrainTypeName, streamId => SkuBucketOf(SkuOf(streamId)))
    {
        NewImage = ShardImage<SkuView>.Create,
    };

    public const int SkuBuckets = 64;

    public static string WarehouseOf(string streamId) => StockItemKey.Split(streamId).WarehouseId;

    public static string SkuOf(string streamId) => StockItemKey.Split(streamId).Sku;

    /// <summary>The <c>skus</c> shard of a SKU: FNV-1a of its characters (stable across processes and versions, unlike
    /// <see cref="string.GetHashCode()"/>) modulo <see cref="SkuBuckets"/>, as two digits.</summary>
    public static string SkuBucketOf(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var hash = 2166136261u;
        foreach (var c in sku)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (hash % SkuBuckets).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
