using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Inventory.Projections;

/// <summary>Operator actions on the read side, for the API's operator endpoints.</summary>
[StatelessWorker]
[GrainType("projection-admin")]
public sealed partial class ProjectionAdminGrain(
    ProjectionCatalog catalog,
    IDeadLetterStore deadLetters,
    TimeProvider time,
    ILogger<ProjectionAdminGrain> logger)
    : Grain, IProjectionAdminGrain
{
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusesAsync() =>
        await Task.WhenAll(catalog.All.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => Coordinator(d.Name).GetStatusAsync()));

    public async Task<ProjectionStatus?> RebuildAsync(string projection) =>
        catalog.Find(projection) is null ? null : await Coordinator(projection).RebuildAsync();

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string? projection, bool openOnly, long afterId, int limit) =>
        deadLetters.ListAsync(projection, openOnly, afterId, Math.Clamp(limit, 1, 1000));

    public async Task<RedriveOutcome> RetryDeadLetterAsync(long id)
    {
        var letter = await deadLetters.GetAsync(id);
        if (letter is null || catalog.Find(letter.Projection) is not { } definition)
        {
            return RedriveOutcome.NotFound;
        }

        if (letter.RedrivenAt is not null)
        {
            return RedriveOutcome.AlreadyRedriven;
        }

        var generation = await Coordinator(definition.Name).GetActiveGenerationAsync();
        if (!await definition.Shard(GrainFactory, generation, letter.Partition).RedriveAsync(letter))
        {
            return RedriveOutcome.StillFailing;
        }

        await deadLetters.MarkRedrivenAsync(id, time.GetUtcNow());
        LogRetried(logger, id, letter.Projection, letter.EventId, letter.StreamId, letter.Version, letter.Position);
        return RedriveOutcome.Redriven;
    }

    private IProjectionCoordinatorGrain Coordinator(string name) => GrainFactory.GetGrain<IProjectionCoordinatorGrain>(name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter {DeadLetterId} of projection {Projection} re-driven by an operator: event {EventId} ({StreamId}@{Version}, position {Position})")]
    private static partial void LogRetried(ILogger logger, long deadLetterId, string projection, Guid eventId, string streamId, int version, long position);
}
