using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>What a run of <see cref="CatchUp"/> did: how many events it delivered, whether it read to the log's
/// gap-safe end, and whether shards of partitions new to the generation took some.</summary>
public readonly record struct CatchUpResult(long Delivered, bool ReachedEnd, bool NewPartitions);
