using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>
/// The delivery rules of a projection shard, without Orleans: each (stream, version) is applied once and in version
/// order. A version at or below the stream's cursor is a duplicate and skipped; a version beyond the next one means
/// deliveries were lost or reordered, so the missing versions are read from the event store and applied first. An
/// event whose application throws is tried <see cref="ShardRetryPolicy.MaxAttempts"/> times with backoff, then
/// parked as a dead letter and passed over, so that one bad event does not stop the view.
/// </summary>
/// <remarks>Each applied event that carries a trace gets a <c>project</c> span (<see cref="ProjectionTracing"/>) tagged
/// with <paramref name="projection"/> and <paramref name="partition"/>.</remarks>
public sealed class ProjectionShard<TView>(
    ShardState<TView> state, IShardEnvironment environment, ShardRetryPolicy policy, TimeProvider time, string projection = "", string partition = "")
    where TView : IProjectionView, new()
{
    public ShardState<TView> State => state;

    /// <summary>Applies what is new in <paramref name="events"/>; returns how many events were applied or parked
    /// (gap fills included). Throws when the store or the dead-letter store fails: nothing after the failure is
    /// applied, and a later delivery resumes from the cursors.</summary>
    public async Task<int> ApplyAsync(IEnumerable<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var handled = 0;
        foreach (var envelope in events)
        {
            handled += await ApplyOneAsync(envelope, null, cancellationToken);
        }

        return handled;
    }

    /// <summary>As <see cref="ApplyAsync(IEnumerable{EventEnvelope}, CancellationToken)"/>, for events a reader has
    /// deserialized already (once for every projection it feeds).</summary>
    public async Task<int> ApplyAsync(IReadOnlyList<ScannedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var handled = 0;
        foreach (var scanned in events)
        {
            handled += await ApplyOneAsync(scanned.Envelope, scanned.Projected, cancellationToken);
        }

        return handled;
    }

    /// <summary>Catch-up by the log's entries: reads the events of <paramref name="entries"/> that the shard lacks (one
    /// read; usually none, the live path having delivered them) and applies them as a delivery; returns as
    /// <see cref="ApplyAsync(IEnumerable{EventEnvelope}, CancellationToken)"/>. Throws when the log does not give back
    /// each event asked for, at its stream and version.</summary>
    public async Task<int> CatchUpAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lacking = entries.Where(e => e.Version > state.Streams.GetValueOrDefault(e.StreamId).Version).ToList();
        if (lacking.Count == 0)
        {
            return 0;
        }

        var events = await environment.ReadLogAsync(lacking.Select(e => e.Position.Position).ToList(), cancellationToken);
        var asked = lacking.ToDictionary(e => e.Position.Position);
        if (events.Count != lacking.Count
            || events.Any(e => !asked.TryGetValue(e.Position, out var entry) || entry.StreamId != e.StreamId || entry.Version != e.Version))
        {
            throw new InvalidOperationException(
                $"The log gave {events.Count} events for the {lacking.Count} entries catch-up asked for (positions {lacking[0].Position.Position}..{lacking[^1].Position.Position}), or not at their streams and versions.");
        }

        return await ApplyAsync(events, cancellationToken);
    }

    /// <summary>Whether the shard has applied (or parked) the event at <paramref name="position"/> of a stream.
    /// Positions grow with versions within a stream.</summary>
    public bool HasApplied(string streamId, long position) =>
        state.Streams.TryGetValue(streamId, out var cursor) && cursor.Position >= position;

    /// <summary>Applies a parked event once more; its stream has moved on, so views see it after later versions.</summary>
    public bool Redrive(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        using var span = ProjectionTracing.StartProject(envelope, projection, partition, delivered: false);
        try
        {
            state.View.Apply(ProjectedEvent.From(envelope));
        }
#pragma warning disable CA1031 // A failing projection is the expected outcome here: the letter stays parked.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ProjectionTracing.Parked(span, ex, 1);
            return false;
        }

        state.Applied++;
        state.LastAppliedAt = time.GetUtcNow();
        return true;
    }

    /// <summary>Applies one delivered event unless it is a duplicate, filling a gap before it first.</summary>
    private Task<int> ApplyOneAsync(EventEnvelope envelope, ProjectedEvent? projected, CancellationToken cancellationToken)
    {
        var cursor = state.Streams.GetValueOrDefault(envelope.StreamId);
        if (envelope.Version <= cursor.Version)
        {
            return Task.FromResult(0);
        }

        return envelope.Version > cursor.Version + 1
            ? FillGapThenApplyAsync(envelope, projected, cursor, cancellationToken)
            : ApplyNextAsync(envelope, projected, delivered: true, cancellationToken);
    }

    private async Task<int> FillGapThenApplyAsync(EventEnvelope envelope, ProjectedEvent? projected, StreamCursor cursor, CancellationToken cancellationToken) =>
        await FillGapAsync(envelope, cursor, cancellationToken) + await ApplyNextAsync(envelope, projected, delivered: true, cancellationToken);

    private async Task<int> FillGapAsync(EventEnvelope envelope, StreamCursor cursor, CancellationToken cancellationToken)
    {
        var missing = envelope.Version - cursor.Version - 1;
        var fetched = await environment.ReadStreamAsync(envelope.StreamId, cursor.Version, missing, cancellationToken);
        if (fetched.Count != missing || fetched.Select((e, i) => e.Version != cursor.Version + 1 + i).Any(wrong => wrong))
        {
            throw new InvalidOperationException(
                $"Stream {envelope.StreamId} lacks versions {cursor.Version + 1}..{envelope.Version - 1} in the event store although version {envelope.Version} was delivered.");
        }

        var handled = 0;
        foreach (var earlier in fetched)
        {
            handled += await ApplyNextAsync(earlier, null, delivered: false, cancellationToken);
        }

        return handled;
    }

    private async Task<int> ApplyNextAsync(EventEnvelope envelope, ProjectedEvent? projected, bool delivered, CancellationToken cancellationToken)
    {
        using var span = ProjectionTracing.StartProject(envelope, projection, partition, delivered);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                state.View.Apply(projected ?? ProjectedEvent.From(envelope));
                state.Applied++;
                state.LastAppliedAt = time.GetUtcNow();
                Advance(envelope);
                environment.Applied(envelope);
                return 1;
            }
            catch (Exception) when (attempt < policy.MaxAttempts)
            {
                await environment.DelayAsync(policy.BackoffAfter(attempt), cancellationToken);
            }
            catch (Exception ex)
            {
                ProjectionTracing.Parked(span, ex, attempt);
                await environment.ParkAsync(envelope, ex, attempt, cancellationToken);
                state.Parked++;
                Advance(envelope);
                return 1;
            }
        }
    }

    private void Advance(EventEnvelope envelope) =>
        state.Streams[envelope.StreamId] = new StreamCursor(envelope.Version, envelope.Position);
}
