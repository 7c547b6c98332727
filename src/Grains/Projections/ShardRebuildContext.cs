namespace Inventory.Projections;

/// <summary>What the shard images of one <see cref="GenerationImage"/> share: their projection's name, the environment
/// their delivery rules use (gap fills, dead letters, backoff) and the retry policy.</summary>
public sealed record ShardRebuildContext(string Projection, IShardEnvironment Environment, ShardRetryPolicy RetryPolicy, TimeProvider Time);
