using Inventory.Contracts.EventStore;

namespace Inventory.Projections;

/// <summary>What a <see cref="GenerationImage"/> built: the image of every shard that took events, read up to
/// <paramref name="End"/> (the log's gap-safe end when it finished), with <paramref name="Applied"/> events applied or parked.</summary>
public sealed record GenerationImageResult(LogPosition End, long Applied, IReadOnlyDictionary<string, IShardImage> Shards);
