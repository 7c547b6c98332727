using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;

namespace Inventory.StockItems;

// The movement path: a per-item queue drained by one loop. Each round decides every queued movement in order
// against the confirmed state (each on top of the events decided before it in the round), appends the accepted
// events as one batch at the confirmed version, confirms them, then answers. A hot item thus costs one append
// per round, not one per movement.
public sealed partial class StockItemGrain
{
    private const int MaxMovementsPerRound = 256;

    private readonly List<PendingMovement> _queue = [];
    private bool _draining;

    public Task<MovementResult> ExecuteAsync(StockCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pending = new PendingMovement(command);
        _queue.Add(pending);
        if (!_draining)
        {
            _ = DrainAsync();
        }

        return pending.Answer;
    }

    private async Task DrainAsync()
    {
        _draining = true;
        try
        {
            while (_queue.Count > 0)
            {
                var round = _queue.Take(MaxMovementsPerRound).ToList();
                _queue.RemoveRange(0, round.Count);
                try
                {
                    await DecideAndAppendAsync(round);
                }
                catch (Exception ex)
                {
                    // The callers get the project's own exception, never the cause (logged here or where it was thrown).
                    if (ex is not StorageUnavailableException)
                    {
                        LogRoundFailed(logger, ex, _stream.StreamId, Version, round.Count);
                    }

                    var error = ex as StorageUnavailableException
                        ?? new StorageUnavailableException($"Movements of {_stream.StreamId} failed; retry them with the same movement ids.");
                    round.ForEach(p => p.Fail(error));
                }
            }
        }
        finally
        {
            _draining = false;
        }
    }

    private async Task DecideAndAppendAsync(List<PendingMovement> round)
    {
        var conflicts = 0;
        while (round.Count > 0)
        {
            var (accepted, rejected, later) = Decide(round);
            _queue.InsertRange(0, later);
            if (accepted.Count == 0)
            {
                await AnswerRejectedAsync(rejected);
                return;
            }

            var (appended, stored) = await AppendAsync(accepted);
            switch (appended.Status)
            {
                case AppendStatus.Appended or AppendStatus.AlreadyAppended:
                    await ConfirmAsync(accepted, appended, stored);
                    await AnswerRejectedAsync(rejected);
                    return;
                case AppendStatus.DuplicateMovement:
                    // That movement was applied before (by an earlier activation, or long ago): answer it from
                    // history and decide the others again without it.
                    var duplicate = accepted.First(a => a.Pending.Command.MovementId == appended.DuplicateMovementId).Pending;
                    metrics.MovementDecided("duplicate");
                    duplicate.Complete(await FindEarlierAsync(duplicate.Command)
                        ?? throw new InvalidOperationException($"The event store reported movement {duplicate.Command.MovementId} as a duplicate but cannot find it."));
                    round.Remove(duplicate);
                    break;
                default:
                    // Another writer moved the stream: re-read it and decide again on what is really there.
                    metrics.ConcurrencyConflict();
                    LogConflict(logger, _stream.StreamId, round.Count, Version, ++conflicts);
                    if (conflicts > _options.MaxConflictRetries)
                    {
                        throw new StorageUnavailableException(
                            $"Movements of {_stream.StreamId} lost the race for its next version {conflicts} times; retry them.");
                    }

                    await RefreshAsync();
                    break;
            }
        }
    }

    /// <summary>Decides the round in order. A movement id seen twice in one round is put back for the next
    /// round, where it is recognised as a retry of the first.</summary>
    private (List<(PendingMovement Pending, StockItemEvent Event)> Accepted, List<(PendingMovement Pending, Rejection Rejection)> Rejected, List<PendingMovement> Later) Decide(List<PendingMovement> round)
    {
        var accepted = new List<(PendingMovement, StockItemEvent)>();
        var rejected = new List<(PendingMovement, Rejection)>();
        var later = new List<PendingMovement>();
        var seen = new HashSet<Guid>();
        var state = State.Item;
        var now = Now();
        foreach (var pending in round)
        {
            if (!seen.Add(pending.Command.MovementId))
            {
                later.Add(pending);
                continue;
            }

            var decision = StockItemDecisions.Decide(state, pending.Command, now);
            if (decision.Event is { } @event)
            {
                accepted.Add((pending, @event));
                state = StockItem.Evolve(state, @event);
            }
            else
            {
                rejected.Add((pending, decision.Rejection!));
            }
        }

        round.RemoveAll(later.Contains);
        return (accepted, rejected, later);
    }

    /// <summary>Appends at the confirmed version, bounded by the commit timeout. A store that fails or does not
    /// answer in time surfaces as <see cref="StorageUnavailableException"/> (outcome unknown; the movement ids make
    /// a retry safe), and the activation is dropped so that the next call starts afresh from the store.</summary>
    private async Task<(AppendResult Result, IReadOnlyList<EventData> Events)> AppendAsync(List<(PendingMovement Pending, StockItemEvent Event)> accepted)
    {
        var events = _stream.ToEventData(accepted.Select(a => (a.Event, MetadataOf(a.Pending))).ToList());
        using var span = StartAppendSpan(accepted);
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.CommitTimeout, time);
        try
        {
            var result = await _stream.AppendAsync(Version, events, timeout.Token);
            metrics.AppendCompleted(time.GetElapsedTime(started), result.Status);
            span?.SetTag("inventory.append.status", result.Status.ToString());
            return (result, events);
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            metrics.AppendFailed();
            LogAppendFailed(logger, ex, _stream.StreamId, Version, accepted.Count);
            DeactivateOnIdle();
            throw new StorageUnavailableException(
                $"The event store did not confirm {accepted.Count} movement(s) of {_stream.StreamId}; retry them with the same movement ids.");
        }
    }

    /// <summary>Brings the stored events into the grain's confirmed state, then answers their callers.</summary>
    private async Task ConfirmAsync(List<(PendingMovement Pending, StockItemEvent Event)> accepted, AppendResult appended, IReadOnlyList<EventData> stored)
    {
        var firstVersion = Version + 1;
        var events = accepted.Select(a => a.Event).ToList();
        _appended = (Version, events);
        if (!await RaiseConditionalEvents(events))
        {
            throw new InvalidOperationException($"Stored events of {_stream.StreamId} could not be confirmed into the grain.");
        }

        for (var i = 0; i < accepted.Count; i++)
        {
            var (pending, @event) = accepted[i];
            var version = firstVersion + i;
            var position = appended.Positions[i];
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogApplied(logger, _stream.StreamId, version, position, DeterministicGuid.ForEvent(_stream.StreamId, @event.MovementId), @event.MovementId, @event.GetType().Name);
            }

            metrics.MovementDecided("applied");
            pending.Complete(new MovementResult
            {
                MovementId = @event.MovementId,
                Version = version,
                Position = position,
                OnHand = @event.OnHandAfter,
                Reserved = @event.ReservedAfter,
            });
        }

        Publish(stored, firstVersion, appended.Positions, accepted);
        await SnapshotIfDueAsync();
    }

    /// <summary>A retry of an old movement may no longer be valid against today's state: a refused movement is
    /// looked up in history before the refusal is sent.</summary>
    private async Task AnswerRejectedAsync(List<(PendingMovement Pending, Rejection Rejection)> rejected)
    {
        foreach (var (pending, rejection) in rejected)
        {
            var earlier = await FindEarlierAsync(pending.Command);
            metrics.MovementDecided(earlier is null ? "rejected" : "duplicate");
            pending.Complete(earlier ?? MovementResult.Rejected(pending.Command.MovementId, rejection));
        }
    }

    /// <summary>The answer given to an earlier delivery of the command's movement id, or null; bounded by the commit timeout.</summary>
    private async Task<MovementResult?> FindEarlierAsync(StockCommand command)
    {
        using var timeout = new CancellationTokenSource(_options.CommitTimeout, time);
        return await _stream.FindMovementAsync(command, timeout.Token);
    }

    /// <summary>Re-reads the stream, bounded by the commit timeout (the provider itself would retry a failing read forever).</summary>
    private async Task RefreshAsync()
    {
        try
        {
            await RefreshNow().WaitAsync(_options.CommitTimeout, time);
        }
        catch (TimeoutException ex)
        {
            LogRefreshFailed(logger, ex, _stream.StreamId, Version);
            DeactivateOnIdle();
            throw new StorageUnavailableException($"Could not re-read {_stream.StreamId} to decide its movements again; retry them.");
        }
    }

    private static EventMetadata MetadataOf(PendingMovement pending)
    {
        var command = pending.Command;
        return new(command.ScannerId, command.OccurredAt, command.CorrelationId, command.MovementId.ToString(), command.Fingerprint(), TraceParent.Of(pending.Trace), command.Principal);
    }
}
