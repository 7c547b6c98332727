using Inventory.Contracts.EventStore;

namespace Inventory.Contracts.Projections;

/// <summary>Operator actions on the read side: figures, rebuilds, dead letters.</summary>
[Alias("inventory.projection-admin")]
public interface IProjectionAdminGrain : IGrainWithIntegerKey
{
    [RetrySafe]
    [Alias("statuses")]
    Task<IReadOnlyList<ProjectionStatus>> GetStatusesAsync();

    /// <summary>Null when there is no projection of that name.</summary>
    [Alias("rebuild")]
    Task<ProjectionStatus?> RebuildAsync(string projection);

    [RetrySafe]
    [Alias("dead-letters")]
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string? projection, bool openOnly, long afterId, int limit);

    /// <summary>Re-drives a dead letter into its projection's active generation: Redriven, StillFailing or NotFound.</summary>
    [Alias("retry-dead-letter")]
    Task<RedriveOutcome> RetryDeadLetterAsync(long id);
}
