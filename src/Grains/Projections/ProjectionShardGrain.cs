using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.StockItems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Inventory.Projections;

/// <summary>
/// The Orleans side of a <see cref="ProjectionShard{TView}"/>: one activation per shard key, state in grain storage
/// written in batches (when the coordinator checkpoints, every <see cref="ProjectionOptions.ShardFlushInterval"/>
/// when dirty, and on deactivation), never per event. Each activation has its own id so that the coordinator can
/// tell when applied but unwritten events were lost with a silo.
/// </summary>
public abstract partial class ProjectionShardGrain<TView> : Grain, IProjectionShardGrain, IShardEnvironment
    where TView : IProjectionView, new()
{
    private readonly IPersistentState<ShardState<TView>> _state;
    private readonly IEventStore _store;
    private readonly IEventLog _log;
    private readonly IDeadLetterStore _deadLetters;
    private readonly ProjectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ProjectionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Guid _activation = Guid.NewGuid();
    private ProjectionShard<TView> _shard = null!;
    private UnwrittenEvents _unwritten = null!;

    protected ProjectionShardGrain(
        IPersistentState<ShardState<TView>> state,
        IEventStore store,
        IEventLog log,
        IDeadLetterStore deadLetters,
        IOptions<ProjectionOptions> options,
        TimeProvider time,
        ProjectionMetrics metrics,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _store = store;
        _log = log;
        _deadLetters = deadLetters;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    protected string Projection { get; private set; } = "";

    protected int Generation { get; private set; }

    protected string Partition { get; private set; } = "";

    protected TView View => _shard.State.View;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (Projection, Generation, Partition) = ProjectionDefinition.ParseShardKey(this.GetPrimaryKeyString());
        _shard = new ProjectionShard<TView>(_state.State, this, _options.RetryPolicy, _time, Projection, Partition);
        _unwritten = new UnwrittenEvents(_time);
        this.RegisterGrainTimer(FlushIfOverdueAsync, _options.ShardFlushInterval, _options.ShardFlushInterval);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushIfDirtyAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<ShardAck> ApplyAsync(IReadOnlyList<EventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Acknowledge(await _shard.ApplyAsync(events));
    }

    public async Task<ShardAck> CatchUpAsync(IReadOnlyList<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Acknowledge(await _shard.CatchUpAsync(entries));
    }

    public async Task<ShardAck> AdoptAsync(Immutable<object> state)
    {
        if (state.Value is not ShardState<TView> built)
        {
            throw new ArgumentException($"Shard {Projection}/{Generation}/{Partition} keeps a {typeof(TView).Name}, not {state.Value?.GetType().Name ?? "nothing"}.", nameof(state));
        }

        _state.State = built;
        _shard = new ProjectionShard<TView>(built, this, _options.RetryPolicy, _time, Projection, Partition);
        _unwritten.Applied();
        await FlushIfDirtyAsync(CancellationToken.None);
        return new ShardAck(_activation, 0);
    }

    public async Task<bool> FlushAsync(Guid activation)
    {
        if (activation != _activation)
        {
            return false;
        }

        await FlushIfDirtyAsync(CancellationToken.None);
        return true;
    }

    public async Task<bool> RedriveAsync(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var stored = await _store.ReadStreamAsync(letter.StreamId, letter.Version - 1, 1);
        if (stored.Count != 1 || stored[0].EventId != letter.EventId)
        {
            throw new InvalidOperationException($"Dead letter {letter.Id}: event {letter.EventId} is not at {letter.StreamId}@{letter.Version} in the event store.");
        }

        if (!_shard.Redrive(stored[0].ToEnvelope()))
        {
            LogRedriveFailed(_logger, letter.Id, Projection, letter.EventId, letter.StreamId, letter.Version, letter.Position);
            return false;
        }

        var since = _unwritten.Writing();
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _unwritten.WriteFailed(since);
            throw;
        }

        LogRedriven(_logger, letter.Id, Projection, letter.EventId, letter.StreamId, letter.Version, letter.Position);
        return true;
    }

    public async Task RetireAsync()
    {
        await _state.ClearStateAsync();
        _ = _unwritten.Writing(); // retired: nothing of this generation is to be written any more
        DeactivateOnIdle();
    }

    public Task<bool> HasAppliedAsync(string streamId, long position) => Task.FromResult(_shard.HasApplied(streamId, position));

    async Task<IReadOnlyList<EventEnvelope>> IShardEnvironment.ReadStreamAsync(string streamId, int afterVersion, int count, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadStreamAsync(streamId, afterVersion, count, cancellationToken);
        LogGapFilled(_logger, Projection, Partition, streamId, afterVersion + 1, afterVersion + count, stored.Count);
        return stored.Select(e => e.ToEnvelope()).ToList();
    }

    async Task<IReadOnlyList<EventEnvelope>> IShardEnvironment.ReadLogAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken)
    {
        var stored = await _log.ReadEventsAsync(positions, cancellationToken);
        _metrics.CaughtUpWhole(Projection, stored.Count);
        LogCaughtUp(_logger, Projection, Partition, positions.Count, positions[0], positions[^1]);
        return stored.Select(e => e.ToEnvelope()).ToList();
    }

    async Task IShardEnvironment.ParkAsync(EventEnvelope envelope, Exception error, int attempts, CancellationToken cancellationToken)
    {
        var letter = await _deadLetters.ParkAsync(
            new DeadLetter(0, Projection, Partition, envelope.EventId, envelope.StreamId, envelope.Version, envelope.Position, envelope.Type,
                $"{error.GetType().Name}: {error.Message}", attempts, _time.GetUtcNow(), null),
            cancellationToken);
        _metrics.DeadLettered(Projection);
        LogParked(_logger, error, Projection, Partition, envelope.EventId, envelope.StreamId, envelope.Version, envelope.Position, attempts, letter.Id);
    }

    Task IShardEnvironment.DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, _time, cancellationToken);

    void IShardEnvironment.Applied(EventEnvelope envelope)
    {
        _metrics.Applied(Projection, _time.GetUtcNow() - envelope.RecordedAt);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            LogApplied(_logger, Projection, Partition, envelope.EventId, envelope.StreamId, envelope.Version, envelope.Position);
        }
    }

    /// <summary>This activation's answer to a delivery that applied <paramref name="handled"/> events, which now wait
    /// to be written.</summary>
    private ShardAck Acknowledge(int handled)
    {
        if (handled > 0)
        {
            _unwritten.Applied();
        }

        return new ShardAck(_activation, handled);
    }

    /// <summary>The shard's own write, for events that no checkpoint has had written after
    /// <see cref="ProjectionOptions.ShardFlushInterval"/> (within twice that at most); see <see cref="UnwrittenEvents"/>.
    /// Checkpoints write every few seconds; a timer that wrote regardless would write every shard again, all of them at
    /// once, since the shards of a projection start together.</summary>
    private Task FlushIfOverdueAsync(CancellationToken cancellationToken) =>
        _unwritten.HaveWaited(_options.ShardFlushInterval) ? FlushIfDirtyAsync(cancellationToken) : Task.CompletedTask;

    private async Task FlushIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (!_unwritten.Any)
        {
            return;
        }

        var since = _unwritten.Writing();
        try
        {
            await _state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            _unwritten.WriteFailed(since);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Projection {Projection} shard {Partition} applied event {EventId} ({StreamId}@{Version}, position {Position})")]
    private static partial void LogApplied(ILogger logger, string projection, string partition, Guid eventId, string streamId, int version, long position);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} shard {Partition} filled a gap of {StreamId}: versions {From}..{To} read from the event store ({Count} events)")]
    private static partial void LogGapFilled(ILogger logger, string projection, string partition, string streamId, int from, int to, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} shard {Partition} read {Count} events the live path had not brought from the log (positions {From}..{To})")]
    private static partial void LogCaughtUp(ILogger logger, string projection, string partition, int count, long from, long to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} shard {Partition} parked event {EventId} ({StreamId}@{Version}, position {Position}) after {Attempts} attempts as dead letter {DeadLetterId}")]
    private static partial void LogParked(ILogger logger, Exception error, string projection, string partition, Guid eventId, string streamId, int version, long position, int attempts, long deadLetterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter {DeadLetterId} re-driven into projection {Projection}: event {EventId} ({StreamId}@{Version}, position {Position})")]
    private static partial void LogRedriven(ILogger logger, long deadLetterId, string projection, Guid eventId, string streamId, int version, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter {DeadLetterId} failed again in projection {Projection}: event {EventId} ({StreamId}@{Version}, position {Position}); it stays parked")]
    private static partial void LogRedriveFailed(ILogger logger, long deadLetterId, string projection, Guid eventId, string streamId, int version, long position);
}
