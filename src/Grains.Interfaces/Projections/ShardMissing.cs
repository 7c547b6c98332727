namespace Inventory.Projections;

/// <summary>A projection shard's answer to <see cref="IProjectionShardGrain.FindMissingAsync"/>: which activation answered
/// (as in <see cref="ShardAck"/>) and the global positions of the events it lacks.</summary>
[GenerateSerializer, Immutable, Alias("inventory.shard-missing")]
public sealed record ShardMissing([property: Id(0)] Guid Activation, [property: Id(1)] IReadOnlyList<long> Positions);
