using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;

namespace Inventory.Processes;

/// <summary>
/// The machinery of a process manager (a transfer, an order): a journaled grain over its own stream in the event
/// store that records a request's events, then runs its process step by step (<see cref="NextStep"/>), recording each
/// item's answer before the next step. Nothing spans two items in one transaction: each step is one item's movement,
/// with an id derived from the process and the step, so a step sent again (after a crash, by a second activation,
/// by a reminder) is applied once. An unfinished process holds a reminder that wakes it to resume; a finished one
/// drops it. A step that fails (an item or the store unreachable, or too slow) stops the run where it is: the caller
/// gets <see cref="StorageUnavailableException"/>, and the process resumes by itself.
/// </summary>
/// <remarks>Not reentrant: requests, reminder ticks and runs take turns, so the state a step is chosen from is the
/// state its outcome is recorded on. Who: a request's principal goes into its events' metadata; the steps that follow (and
/// their outcomes) carry the principal of the process's latest event, i.e. of the request that drives it, also after a
/// resumption. The grain reads and appends itself (as the stock item grain does) and tells the
/// CustomStorage provider only what it did.</remarks>
public abstract partial class ProcessManagerGrain<TState, TEvent>(IEventStore store, TimeProvider time, ProcessOptions options, ILogger logger)
    : JournaledGrain<ProcessView<TState>, TEvent>, ICustomStorageInterface<ProcessView<TState>, TEvent>, IRemindable
    where TState : class
    where TEvent : class
{
    public const string ResumeReminder = "resume";

    private ProcessStream<TEvent> _stream = null!;
    private (TState State, int Version, string? Principal)? _loaded;

    // The principal of the latest stored event: who drives the process now (null when unknown).
    private string? _principal;
    private (int ExpectedVersion, IReadOnlyList<TEvent> Events)? _appended;
    private bool _reminderSet;

    /// <summary>The stream of the process whose key is <paramref name="key"/>.</summary>
    protected abstract string StreamIdOf(string key);

    protected abstract EventSerializer<TEvent> Serializer { get; }

    protected abstract TState EmptyState { get; }

    protected abstract TState Evolve(TState state, TEvent @event);

    /// <summary>What the process does next from <paramref name="state"/>; null when it waits for a request or has ended.</summary>
    protected abstract ProcessStep<TEvent>? NextStep(TState state, DateTimeOffset now);

    /// <summary>True while the process has started and not ended (it needs its reminder).</summary>
    protected abstract bool IsOpen(TState state);

    protected abstract Guid MovementOf(TEvent @event);

    protected abstract DateTimeOffset RecordedAtOf(TEvent @event);

    /// <summary>The confirmed state.</summary>
    protected TState Current => State.Value ?? EmptyState;

    protected string StreamId => _stream.StreamId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new ProcessStream<TEvent>(store, StreamIdOf(this.GetPrimaryKeyString()), Serializer, MovementOf, RecordedAtOf);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StepTimeout);
            _loaded = await _stream.LoadAsync(EmptyState, Evolve, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // As the stock item grain: the provider's own initial read gets an empty state; this activation is discarded.
            _loaded = (EmptyState, 0, null);
            LogLoadFailed(logger, ex, _stream.StreamId);
            throw new StorageUnavailableException($"Could not load {_stream.StreamId} from the event store; retry.");
        }

        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>Runs any pending step first, then decides a request on the confirmed state and appends its events
    /// (deciding again after a lost race) with <paramref name="principal"/> in their metadata, then runs the process as
    /// far as it goes. Returns the decision; a principal that breaks <see cref="Principals.Rule"/> is refused first.</summary>
    protected async Task<ProcessDecision<TEvent>> HandleAsync(string? principal, Func<TState, DateTimeOffset, ProcessDecision<TEvent>> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        if (principal is not null && !Principals.IsValid(principal))
        {
            return ProcessDecision<TEvent>.Reject(RejectionCodes.InvalidPrincipal, Principals.Rule);
        }

        // Steps left pending (a crash, a failed call) are taken first: a request is decided on a process at rest.
        await RunAsync();
        ProcessDecision<TEvent> decision;
        for (var conflicts = 0; ; conflicts++)
        {
            decision = decide(Current, Now());
            if (decision.Events.Count == 0 || await AppendAsync(decision.Events, conflicts, principal))
            {
                break;
            }
        }

        await RunAsync();
        return decision;
    }

    /// <summary>Runs the process until it waits or ends; drops the reminder once it has ended.</summary>
    protected async Task RunAsync()
    {
        var conflicts = 0;
        while (NextStep(Current, Now()) is { } step)
        {
            var outcome = step switch
            {
                RecordStep<TEvent> record => record.Event,
                ItemStep<TEvent> item => item.Outcome(await ExecuteAsync(item), Now()),
                _ => throw new InvalidOperationException($"Unknown process step {step.GetType().Name}."),
            };
            if (!await AppendAsync([outcome], conflicts, _principal))
            {
                conflicts++;
            }
        }

        if (_reminderSet && !IsOpen(Current))
        {
            await ClearReminderAsync();
        }

        AfterRun(Current);
    }

    /// <summary>Called after every run of the process, with where it now stands (a run that failed does not get here).</summary>
    protected virtual void AfterRun(TState state)
    {
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder)
        {
            return;
        }

        _reminderSet = true;
        try
        {
            LogResuming(logger, _stream.StreamId, Version);
            await RunAsync();
            if (!IsOpen(Current))
            {
                // A process that never started (its first append failed) or has ended: nothing left to wake.
                await ClearReminderAsync();
            }
        }
        catch (StorageUnavailableException)
        {
            // Logged where it happened; the next tick tries again.
        }
    }

    protected override void TransitionState(ProcessView<TState> state, TEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Value = Evolve(state.Value ?? EmptyState, @event);
    }

    /// <summary>Server time at the store's precision (microseconds), as the stock items keep it.</summary>
    protected DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    protected async Task<IReadOnlyList<Contracts.Processes.ProcessHistoryEntry>> ReadHistoryAsync()
    {
        using var timeout = new CancellationTokenSource(options.StepTimeout, time);
        try
        {
            return _stream.History(await _stream.ReadAllAsync(timeout.Token));
        }
        catch (Exception ex) when (ex is not StorageUnavailableException)
        {
            LogLoadFailed(logger, ex, _stream.StreamId);
            throw new StorageUnavailableException($"Could not read the history of {_stream.StreamId}; retry.");
        }
    }

    /// <summary>Appends at the confirmed version and confirms; false when another writer got there first (the state is
    /// then re-read). An unfinished process gets its reminder before its first event is stored.</summary>
    private async Task<bool> AppendAsync(IReadOnlyList<TEvent> events, int conflicts, string? principal)
    {
        var after = events.Aggregate(Current, Evolve);
        if (!_reminderSet && IsOpen(after))
        {
            await SetReminderAsync();
        }

        AppendResult result;
        using (var timeout = new CancellationTokenSource(options.StepTimeout, time))
        {
            try
            {
                result = await _stream.AppendAsync(Version, events, new EventMetadata(CorrelationId: _stream.StreamId, CausationId: MovementOf(events[0]).ToString(), Principal: principal), timeout.Token);
            }
            catch (Exception ex)
            {
                LogAppendFailed(logger, ex, _stream.StreamId, Version, events.Count);
                DeactivateOnIdle();
                throw new StorageUnavailableException($"The event store did not confirm the next step of {_stream.StreamId}; it resumes by itself.");
            }
        }

        switch (result.Status)
        {
            case AppendStatus.Appended or AppendStatus.AlreadyAppended:
                _appended = (Version, events);
                _principal = principal;
                if (!await RaiseConditionalEvents(events))
                {
                    throw new InvalidOperationException($"Stored events of {_stream.StreamId} could not be confirmed into the grain.");
                }

                LogRecorded(logger, _stream.StreamId, Version, result.Positions[^1], Serializer.NameOf(events[^1]).Name);
                return true;
            default:
                // Another activation moved the stream (or stored this very step): re-read it and decide again.
                LogConflict(logger, _stream.StreamId, Version, result.Status.ToString(), conflicts + 1);
                if (conflicts >= options.MaxConflictRetries)
                {
                    throw new StorageUnavailableException($"{_stream.StreamId} lost the race for its next version {conflicts + 1} times; retry.");
                }

                await RefreshNow().WaitAsync(options.StepTimeout, time);
                return false;
        }
    }

    private async Task<MovementResult> ExecuteAsync(ItemStep<TEvent> step)
    {
        try
        {
            var item = GrainFactory.GetGrain<IStockItemGrain>(step.Item.ToString());
            return await item.ExecuteAsync(step.Command with { Principal = _principal }).WaitAsync(options.StepTimeout, time);
        }
        catch (Exception ex)
        {
            LogStepFailed(logger, ex, _stream.StreamId, Version, step.Item.ToString(), step.Command.MovementId);
            throw new StorageUnavailableException(
                $"{_stream.StreamId} could not finish a step at {step.Item} (movement {step.Command.MovementId}); it resumes by itself, and the same request may be sent again.");
        }
    }

    private async Task SetReminderAsync()
    {
        await this.RegisterOrUpdateReminder(ResumeReminder, options.ResumeInterval, options.ResumeInterval);
        _reminderSet = true;
    }

    private async Task ClearReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderSet = false;
    }

    async Task<KeyValuePair<int, ProcessView<TState>>> ICustomStorageInterface<ProcessView<TState>, TEvent>.ReadStateFromStorage()
    {
        var loaded = _loaded ?? await _stream.LoadAsync(EmptyState, Evolve);
        _loaded = null;
        _principal = loaded.Principal;
        return new(loaded.Version, new ProcessView<TState> { Value = loaded.State });
    }

    Task<bool> ICustomStorageInterface<ProcessView<TState>, TEvent>.ApplyUpdatesToStorage(IReadOnlyList<TEvent> updates, int expectedVersion)
    {
        var stored = _appended is { } appended && expectedVersion == appended.ExpectedVersion
            && updates.SequenceEqual(appended.Events, ReferenceEqualityComparer.Instance);
        _appended = null;
        return Task.FromResult(stored);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load {StreamId} from the event store")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string streamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Append of {Count} event(s) to {StreamId} at expected v{ExpectedVersion} failed; outcome unknown, the process resumes")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string streamId, int expectedVersion, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step of {StreamId} at v{Version} failed at item {Item} (movement {MovementId}); the process resumes")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string streamId, int version, string item, Guid movementId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{StreamId} lost the race for its next version (now v{Version}, {Status}), attempt {Attempt}: deciding again")]
    private static partial void LogConflict(ILogger logger, string streamId, int version, string status, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recorded {StreamId} v{Version} at position {Position}: {EventType}")]
    private static partial void LogRecorded(ILogger logger, string streamId, int version, long position, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {StreamId} at v{Version}")]
    private static partial void LogResuming(ILogger logger, string streamId, int version);
}
