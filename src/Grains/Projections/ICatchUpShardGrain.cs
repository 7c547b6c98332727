using Inventory.Contracts.Projections;
using Orleans.Concurrency;

namespace Inventory.Projections;

/// <summary>A projection shard as catch-up calls it: the events come wrapped once for every projection
/// (<see cref="ProjectedEvent"/>) and, within a silo, are not copied.</summary>
[Alias("inventory.catch-up-shard")]
public interface ICatchUpShardGrain : IGrainWithStringKey
{
    /// <summary>As <see cref="IProjectionShardGrain.ApplyAsync"/>.</summary>
    [Alias("apply-projected")]
    Task<ShardAck> ApplyProjectedAsync(Immutable<IReadOnlyList<ProjectedEvent>> events);
}
