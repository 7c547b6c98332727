namespace Inventory.Contracts.Projections;

/// <summary>
/// One per projection (key = projection name): catches the projection up from the event store's global log on a
/// timer (so an event whose stream message was lost still arrives), flushes its shards and then its checkpoint,
/// tells the live path which generations to feed, runs blue/green rebuilds and reports the projection's figures.
/// </summary>
[Alias("inventory.projection-coordinator")]
public interface IProjectionCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Activates the coordinator if needed (every silo calls it periodically, so it runs somewhere).</summary>
    [Alias("ensure-running")]
    Task EnsureRunningAsync();

    /// <summary>The generations the live stream feeds: the active one, and during the end of a rebuild the new one too.</summary>
    [Alias("live-generations")]
    Task<IReadOnlyList<int>> GetLiveGenerationsAsync();

    /// <summary>The generation reads go to.</summary>
    [Alias("active-generation")]
    Task<int> GetActiveGenerationAsync();

    /// <summary>The partitions the active generation has (e.g. the warehouses).</summary>
    [Alias("partitions")]
    Task<IReadOnlyList<string>> GetPartitionsAsync();

    [Alias("partition-count")]
    Task<int> GetPartitionCountAsync();

    [Alias("status")]
    Task<ProjectionStatus> GetStatusAsync();

    /// <summary>Starts building a new generation from position 0; the current one serves reads until the new one has
    /// caught up. Starting while a rebuild runs returns the running one.</summary>
    [Alias("rebuild")]
    Task<ProjectionStatus> RebuildAsync();

    /// <summary>Catches up now instead of at the next tick; returns when the active generation has read to the log's
    /// gap-safe end and flushed (tests and read-your-writes).</summary>
    [Alias("catch-up-now")]
    Task CatchUpNowAsync();
}
