using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The shards of one projection as its coordinator's catch-up and checkpoint writer call them, by generation and
/// partition: the coordinator grain answers with grain calls, tests with fakes.</summary>
public interface IProjectionShards
{
    /// <summary>Delivers <paramref name="events"/> (all of one partition) to their shard (see <see cref="IProjectionShardGrain.ApplyAsync"/>).</summary>
    Task<ShardAck> ApplyAsync(int generation, string partition, IReadOnlyList<EventEnvelope> events);

    /// <summary>Hands <paramref name="entries"/> (all of one partition) to their shard, which reads and applies those it
    /// lacks (see <see cref="IProjectionShardGrain.CatchUpAsync"/>).</summary>
    Task<ShardAck> CatchUpAsync(int generation, string partition, IReadOnlyList<LogEntry> entries);

    /// <summary>Has the shard write its state; false when another activation than <paramref name="activation"/>
    /// answers (see <see cref="IProjectionShardGrain.FlushAsync"/>).</summary>
    Task<bool> FlushAsync(int generation, string partition, Guid activation);
}
