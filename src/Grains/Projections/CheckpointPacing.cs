using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>How the shards of a checkpoint write their state: <paramref name="Concurrency"/> at a time,
/// <paramref name="Spacing"/> apart, and for at most <paramref name="Budget"/> per call (null: until all have; the
/// rest waits for the next call).</summary>
public sealed record CheckpointPacing(int Concurrency, TimeSpan Spacing, TimeSpan? Budget)
{
    /// <summary>A periodic checkpoint: one shard at a time, <see cref="ProjectionOptions.CheckpointWriteSpacing"/>
    /// apart, in at most half of each catch-up tick. Each write serializes a shard's whole view and commits it: all of a
    /// projection's shards at once took both cores from the stock items' appends for as long as it lasted.</summary>
    public static CheckpointPacing Spread(ProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CheckpointPacing(1, options.CheckpointWriteSpacing, options.CatchUpInterval / 2);
    }

    /// <summary>A checkpoint made on demand (before a handover, on deactivation, when asked to catch up now):
    /// <see cref="ProjectionOptions.CheckpointFlushConcurrency"/> shards at a time until all have written.</summary>
    public static CheckpointPacing AllAtOnce(ProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CheckpointPacing(options.CheckpointFlushConcurrency, TimeSpan.Zero, null);
    }
}
