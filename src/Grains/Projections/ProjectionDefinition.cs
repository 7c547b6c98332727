using Inventory.Contracts;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;

namespace Inventory.Projections;

/// <summary>
/// A projection: its name (stable; it keys its coordinator, its dead letters and its figures), the grain type of its
/// shards (each implements <see cref="IProjectionShardGrain"/>), and which shard a stream's events go to: all of a
/// stream's events to one shard, which applies each version once and in order (and catch-up, reading the log's entries
/// without payloads, can tell the shard of each).
/// </summary>
public sealed record ProjectionDefinition(string Name, string ShardGrainType, Func<string, string> PartitionOf)
{
    /// <summary>Whether the projection takes a stream's events: stock items' streams (<c>{warehouseId}/{sku}</c>) by
    /// default; the process managers' logs (<c>transfer:{id}</c>, <c>order:{id}</c>) are for their own grains.</summary>
    public Func<string, bool> Follows { get; init; } = StockItemKey.IsKey;

    /// <summary>Makes an empty in-memory image of a partition's shard, for a <see cref="GenerationImage"/>
    /// (<see cref="ShardImage{TView}.Create"/> of the shards' view); null when the projection rebuilds through catch-up
    /// only.</summary>
    public Func<ShardRebuildContext, string, IShardImage>? NewImage { get; init; }

    public string ShardKey(int generation, string partition) => $"{Name}/{generation}/{partition}";

    public IProjectionShardGrain Shard(IGrainFactory grains, int generation, string partition)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return GrainReferences.Get<IProjectionShardGrain>(grains, GrainId.Create(ShardGrainType, ShardKey(generation, partition)));
    }

    /// <summary>Splits a shard key into projection name, generation and partition.</summary>
    public static (string Projection, int Generation, string Partition) ParseShardKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/', 3);
        if (parts.Length != 3 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{key}' is not a projection shard key of the form '{{projection}}/{{generation}}/{{partition}}'.");
        }

        return (parts[0], generation, parts[2]);
    }
}
