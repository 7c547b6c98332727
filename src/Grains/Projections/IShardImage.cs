namespace Inventory.Projections;

/// <summary>A shard of a projection built in memory by a rebuild (<see cref="GenerationImage"/>), outside its grain: the same delivery
/// rules (<see cref="ProjectionShard{TView}"/>) over a fresh state, which its grain then adopts whole
/// (<see cref="IProjectionShardGrain.AdoptAsync"/>).</summary>
public interface IShardImage
{
    /// <summary>The state built so far: a <see cref="ShardState{TView}"/> of the projection's view.</summary>
    object State { get; }

    /// <summary>Applies what is new in <paramref name="events"/> (all of this shard's partition); returns how many
    /// events were applied or parked.</summary>
    Task<int> ApplyAsync(IReadOnlyList<ScannedEvent> events, CancellationToken cancellationToken);
}
