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
    private EventMetadata _pendingMetadata = new();
    private AppendResult? _lastAppend;
    private TaskCompletionSource? _storageFault;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new StockItemStream(store, this.GetPrimaryKeyString());

        // Load here, where a failure fails the activation and reaches the caller, rather than inside
        // ReadStateFromStorage, where the log-consistency provider would retry it silently forever.
        try
        {
            _preloaded = await _stream.LoadAsync(cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex, _stream.StreamId);
            throw new StorageUnavailableException($"Could not load stock item {_stream.StreamId} from the event store.", ex);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<MovementResult> ExecuteAsync(StockCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 0; attempt <= _options.MaxConflictRetries; attempt++)
        {
            var decision = StockItemDecisions.Decide(State.Item, command, time.GetUtcNow());
            if (decision.Rejection is { } rejection)
            {
                // A retry of an old movement may no longer be valid against today's state: answer it from history first.
                var earlier = await _stream.FindMovementAsync(command);
                metrics.MovementDecided(earlier is null ? "rejected" : "duplicate");
                return earlier ?? MovementResult.Rejected(command.MovementId, rejection);
            }

            var @event = decision.Event!;
            if (await ConfirmAsync(@event, command))
            {
                var position = _lastAppend!.Positions[^1];
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

            if (_lastAppend?.Status == AppendStatus.DuplicateMovement)
            {
                metrics.MovementDecided("duplicate");
                return await _stream.FindMovementAsync(command)
                    ?? throw new InvalidOperationException($"The event store reported movement {command.MovementId} as a duplicate but cannot find it.");
            }

            metrics.ConcurrencyConflict();
            LogConflict(logger, _stream.StreamId, command.MovementId, Version, attempt + 1);
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
        var started = time.GetTimestamp();
        try
        {
            _lastAppend = await _stream.AppendAsync(expectedVersion, updates, _pendingMetadata);
            metrics.AppendCompleted(time.GetElapsedTime(started), _lastAppend.Status);
            return _lastAppend.Stored;
        }
        catch (Exception ex)
        {
            LogAppendFailed(logger, ex, _stream.StreamId, expectedVersion, updates.Count);
            _storageFault?.TrySetResult();
            throw;
        }
    }

    protected override void TransitionState(StockItemView state, StockItemEvent @event) =>
        state.Item = StockItem.Evolve(state.Item, @event);

    protected override void OnConnectionIssue(ConnectionIssue issue) => LogConnectionIssue(logger, _stream.StreamId, issue.ToString() ?? issue.GetType().Name);

    /// <summary>Raises the event conditionally (it is dropped, not retried, if the stream moved on) and waits for
    /// the store. A store failure or a confirmation slower than the commit timeout surfaces to the caller.</summary>
    private async Task<bool> ConfirmAsync(StockItemEvent @event, StockCommand command)
    {
        _pendingMetadata = new EventMetadata(command.ScannerId, command.OccurredAt, command.CorrelationId, command.MovementId.ToString(), command.Fingerprint());
        _lastAppend = null;
        _storageFault = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var confirmation = RaiseConditionalEvent(@event);
        var first = await Task.WhenAny(confirmation, _storageFault.Task, Task.Delay(_options.CommitTimeout, time));
        if (first == confirmation)
        {
            return await confirmation;
        }

        // Outcome unknown. Start afresh on the next call: the new activation reads the store, and the movement id
        // guarantees a retry is not applied twice.
        DeactivateOnIdle();
        throw new StorageUnavailableException($"The event store did not confirm movement {command.MovementId} of {_stream.StreamId}; retry it with the same movement id.");
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
