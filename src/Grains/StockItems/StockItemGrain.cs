using Inventory.EventStore;
using Inventory.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Inventory.StockItems;

/// <summary>
/// One SKU at one warehouse: decides with <see cref="StockItemDecisions"/>, appends through the
/// CustomStorage log-consistency provider into the event store, answers with a <see cref="MovementResult"/>.
/// Never appends an event on top of a state it was not decided against: a lost race re-reads and decides again.
/// </summary>
[GrainType("stock-item")]
[LogConsistencyProvider(ProviderName = ProviderNames.EventStore)]
public sealed partial class StockItemGrain(
    IEventStore store,
    TimeProvider time,
    IOptions<StockItemOptions> options,
    InventoryMetrics metrics,
    ILogger<StockItemGrain> logger)
    : JournaledGrain<StockItemView, StockItemEvent>, IStockItemGrain, ICustomStorageInterface<StockItemView, StockItemEvent>
{
    private readonly StockItemOptions _options = options.Value;
    private StockItemStream _stream = null!;
    private LoadedStockItem? _preloaded;
    private int _snapshotVersion;
    private (int ExpectedVersion, StockItemEvent Event)? _stored;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _stream = new StockItemStream(store, key);

        // Load here, where a failure fails the activation and reaches the caller, rather than inside
        // ReadStateFromStorage, where the log-consistency provider would retry it silently forever.
        try
        {
            if (!StockItemKey.TryParse(key, out _))
            {
                throw new ArgumentException($"'{key}' is not a stock item key of the form '{{warehouseId}}/{{sku}}'.");
            }

            _preloaded = await _stream.LoadAsync(cancellationToken: cancellationToken);
        }
        catch (Exception ex)
        {
            // The provider still runs its initial read while the failed activation is torn down, and would retry a
            // failing read forever (blocking the teardown and the caller's answer): give it an empty view instead.
            // Nothing is ever decided on it: the activation is discarded.
            _preloaded = new LoadedStockItem(StockItem.Empty, 0, 0);
            if (ex is ArgumentException or OperationCanceledException)
            {
                throw;
            }

            LogLoadFailed(logger, ex, key);
            throw new StorageUnavailableException($"Could not load stock item {key} from the event store.", ex);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<MovementResult> ExecuteAsync(StockCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 0; attempt <= _options.MaxConflictRetries; attempt++)
        {
            var decision = StockItemDecisions.Decide(State.Item, command, Now());
            if (decision.Rejection is { } rejection)
            {
                // A retry of an old movement may no longer be valid against today's state: answer it from history first.
                var earlier = await _stream.FindMovementAsync(command);
                metrics.MovementDecided(earlier is null ? "rejected" : "duplicate");
                return earlier ?? MovementResult.Rejected(command.MovementId, rejection);
            }

            var @event = decision.Event!;
            var appended = await AppendAsync(@event, command);
            switch (appended.Status)
            {
                case AppendStatus.Appended or AppendStatus.AlreadyAppended:
                    return await ConfirmAsync(@event, command, appended);
                case AppendStatus.DuplicateMovement:
                    metrics.MovementDecided("duplicate");
                    return await _stream.FindMovementAsync(command)
                        ?? throw new InvalidOperationException($"The event store reported movement {command.MovementId} as a duplicate but cannot find it.");
                default:
                    // Another writer moved the stream: re-read it and decide again on what is really there.
                    metrics.ConcurrencyConflict();
                    LogConflict(logger, _stream.StreamId, command.MovementId, Version, attempt + 1);
                    await RefreshAsync(command);
                    break;
            }
        }

        throw new StorageUnavailableException(
            $"Movement {command.MovementId} lost the race for the next version of {_stream.StreamId} {_options.MaxConflictRetries + 1} times; retry it.");
    }

    public Task<StockItemDetails> GetDetailsAsync() => Task.FromResult(ToDetails(State.Item, Version));

    public async Task<StockItemDetails?> GetDetailsAtVersionAsync(int version)
    {
        if (version <= 0 || version > Version)
        {
            return null;
        }

        var loaded = await _stream.LoadAsync(version);
        return ToDetails(loaded.Item, loaded.Version);
    }

    public async Task<StockItemDetails?> GetDetailsAsOfAsync(DateTimeOffset asOf)
    {
        var version = await _stream.GetVersionAtAsync(asOf);
        return await GetDetailsAtVersionAsync(version);
    }

    public Task<HistoryPage> GetHistoryAsync(int afterVersion, int limit) =>
        _stream.ReadHistoryAsync(afterVersion, Math.Clamp(limit, 1, _options.MaxHistoryPage));

    async Task<KeyValuePair<int, StockItemView>> ICustomStorageInterface<StockItemView, StockItemEvent>.ReadStateFromStorage()
    {
        var loaded = _preloaded ?? await _stream.LoadAsync();
        _preloaded = null;
        _snapshotVersion = loaded.SnapshotVersion;
        LogLoaded(logger, _stream.StreamId, loaded.Version, loaded.SnapshotVersion);
        return new(loaded.Version, new StockItemView { Item = loaded.Item });
    }

    async Task<bool> ICustomStorageInterface<StockItemView, StockItemEvent>.ApplyUpdatesToStorage(IReadOnlyList<StockItemEvent> updates, int expectedVersion)
    {
        // The movement path appends first (see AppendAsync) and then confirms the stored event here.
        if (_stored is { } stored && expectedVersion == stored.ExpectedVersion && updates.Count == 1 && ReferenceEquals(updates[0], stored.Event))
        {
            _stored = null;
            return true;
        }

        // Any other batch is appended here, as a plain CustomStorage provider would.
        var result = await _stream.AppendAsync(expectedVersion, updates, new EventMetadata());
        return result.Stored;
    }

    protected override void TransitionState(StockItemView state, StockItemEvent @event) =>
        state.Item = StockItem.Evolve(state.Item, @event);

    protected override void OnConnectionIssue(ConnectionIssue issue) => LogConnectionIssue(logger, _stream.StreamId, issue.ToString() ?? issue.GetType().Name);

    /// <summary>Appends the event decided against version <see cref="JournaledGrain{TGrainState,TEventBase}.Version"/>.
    /// A store that fails or does not answer within the commit timeout surfaces to the caller as
    /// <see cref="StorageUnavailableException"/> (outcome unknown; the movement id makes a retry safe).</summary>
    private async Task<AppendResult> AppendAsync(StockItemEvent @event, StockCommand command)
    {
        var metadata = new EventMetadata(command.ScannerId, command.OccurredAt, command.CorrelationId, command.MovementId.ToString(), command.Fingerprint());
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.CommitTimeout, time);
        try
        {
            var result = await _stream.AppendAsync(Version, [@event], metadata, timeout.Token);
            metrics.AppendCompleted(time.GetElapsedTime(started), result.Status);
            return result;
        }
        catch (Exception ex)
        {
            LogAppendFailed(logger, ex, _stream.StreamId, Version, command.MovementId);

            // The append may have committed: start afresh from the store on the next call.
            DeactivateOnIdle();
            throw new StorageUnavailableException(
                $"The event store did not confirm movement {command.MovementId} of {_stream.StreamId}; retry it with the same movement id.", ex);
        }
    }

    /// <summary>Re-reads the stream, bounded by the commit timeout (the provider itself would retry a failing read forever).</summary>
    private async Task RefreshAsync(StockCommand command)
    {
        try
        {
            await RefreshNow().WaitAsync(_options.CommitTimeout, time);
        }
        catch (TimeoutException ex)
        {
            DeactivateOnIdle();
            throw new StorageUnavailableException($"Could not re-read {_stream.StreamId} to decide movement {command.MovementId} again; retry it.", ex);
        }
    }

    /// <summary>Brings the stored event into the grain's confirmed state, then answers.</summary>
    private async Task<MovementResult> ConfirmAsync(StockItemEvent @event, StockCommand command, AppendResult appended)
    {
        _stored = (Version, @event);
        if (!await RaiseConditionalEvent(@event))
        {
            throw new InvalidOperationException($"Stored event of movement {command.MovementId} could not be confirmed into {_stream.StreamId}.");
        }

        var position = appended.Positions[^1];
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogApplied(logger, _stream.StreamId, Version, position, DeterministicGuid.ForEvent(_stream.StreamId, command.MovementId), command.MovementId, @event.GetType().Name);
        }

        metrics.MovementDecided("applied");
        await SnapshotIfDueAsync();
        return new MovementResult
        {
            MovementId = command.MovementId,
            Version = Version,
            Position = position,
            OnHand = @event.OnHandAfter,
            Reserved = @event.ReservedAfter,
        };
    }

    /// <summary>Server time at the event store's precision (PostgreSQL keeps microseconds), so that a state folded
    /// from the store equals the state the grain computed when it decided.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    private async Task SnapshotIfDueAsync()
    {
        if (Version - _snapshotVersion < _options.SnapshotInterval)
        {
            return;
        }

        try
        {
            await _stream.SaveSnapshotAsync(State.Item, Version, time.GetUtcNow());
            _snapshotVersion = Version;
        }
        catch (Exception ex)
        {
            // A snapshot is only a cache: the movement is stored, so do not fail it.
            LogSnapshotFailed(logger, ex, _stream.StreamId, Version);
        }
    }

    private StockItemDetails ToDetails(StockItem item, int version)
    {
        var key = StockItemKey.Parse(_stream.StreamId);
        return new StockItemDetails
        {
            WarehouseId = key.WarehouseId,
            Sku = key.Sku,
            Version = version,
            OnHand = item.OnHand,
            Reserved = item.Reserved,
            ReorderPoint = item.ReorderPoint,
            Reservations = [.. item.Reservations.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReservationDetails(r.Key, r.Value))],
            LastMovementAt = item.LastMovementAt,
        };
    }
}
