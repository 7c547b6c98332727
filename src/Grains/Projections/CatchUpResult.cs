using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>What a run of <see cref="CatchUp"/> did: how many events it delivered, whether it read to the log's
/// gap-safe end, whether shards of partitions new to the generation took some, and how many of the events it delivered
/// it read whole from the log (pages read whole; by entries, the shards count the events they read).</summary>
public readonly record struct CatchUpResult(long Delivered, bool ReachedEnd, bool NewPartitions, long ReadWhole = 0);
