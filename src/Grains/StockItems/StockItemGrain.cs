using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Inventory.StockItems;

/// <summary>
/// One SKU at one warehouse: decides with <see cref="StockItemDecisions"/>, appends to the event store, confirms
/// through the CustomStorage log-consistency provider, answers with a <see cref="MovementResult"/>. Movements
/// queue per item and are decided in arrival order; those that queued while an append was in flight go to the
/// store together as one batch (see StockItemGrain.Movements.cs). Never appends an event on top of a state it
/// was not decided against: a lost race re-reads and decides again.
/// </summary>
/// <remarks>Reentrant so that movements can queue during an append and reads are not held up by writes; all
/// state changes happen in the single drain loop, on the grain's own scheduler.</remarks>
[Reentrant]
[GrainType(StockItemKey.GrainType)]
[LogConsistencyProvider(ProviderName = ProviderNames.EventStore)]
public sealed partial class StockItemGrain(
    IEventStore store,
    TimeProvider time,
    IOptions<StockItemOptions> options,
    ILiveEventPublisher live,
    StockItemMetrics metrics,
    ILogger<StockItemGrain> logger)
    : JournaledGrain<StockItemView, StockItemEvent>, IStockItemGrain, ICustomStorageInterface<StockItemView, StockItemEvent>
{
    private readonly StockItemOptions _options = options.Value;
    private StockItemKey _key;
    private StockItemStream _stream = null!;
    private int _snapshotVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _stream = new StockItemStream(store, key);

        // Load here, where a failure fails the activation and reaches the caller, rather than inside
        // ReadStateFromStorage, where the log-consistency provider would retry it silently forever.
        try
        {
            if (!StockItemKey.TryParse(key, out _key))
            {
                throw new ArgumentException($"'{key}' is not a stock item key of the form '{{warehouseId}}/{{sku}}'.");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.CommitTimeout);
            _loaded = await _stream.LoadAsync(cancellationToken: timeout.Token);
        }
        catch (Exception ex)
        {
            // The provider still runs its initial read while the failed activation is torn down, and would retry a
            // failing read forever (blocking the teardown and the caller's answer): give it an empty view instead.
            // Nothing is ever decided on it: the activation is discarded.
            _loaded = new LoadedStockItem(StockItem.Empty, 0, 0);
            if (ex is ArgumentException || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            // Logged here with the stream id; the caller gets the project's own exception, never the driver's (ADR 0001).
            LogLoadFailed(logger, ex, key);
            throw new StorageUnavailableException($"Could not load stock item {key} from the event store; retry.");
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public Task<StockItemDetails> GetDetailsAsync() => Task.FromResult(ToDetails(State.Item, Version));

    public async Task<StockItemDetails?> GetDetailsAtVersionAsync(int version)
    {
        if (version <= 0 || version > Version)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(_options.CommitTimeout, time);
        var loaded = await _stream.LoadAsync(version, timeout.Token);
        return ToDetails(loaded.Item, loaded.Version);
    }

    public async Task<StockItemDetails?> GetDetailsAsOfAsync(DateTimeOffset asOf)
    {
        using var timeout = new CancellationTokenSource(_options.CommitTimeout, time);
        var version = await _stream.GetVersionAtAsync(asOf, timeout.Token);
        return await GetDetailsAtVersionAsync(version);
    }

    public async Task<HistoryPage> GetHistoryAsync(int afterVersion, int limit)
    {
        using var timeout = new CancellationTokenSource(_options.CommitTimeout, time);
        return await _stream.ReadHistoryAsync(afterVersion, Math.Clamp(limit, 1, _options.MaxHistoryPage), timeout.Token);
    }

    protected override void TransitionState(StockItemView state, StockItemEvent @event) =>
        state.Item = StockItem.Evolve(state.Item, @event);

    protected override void OnConnectionIssue(ConnectionIssue issue) => LogConnectionIssue(logger, _stream.StreamId, issue.ToString() ?? issue.GetType().Name);

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

    private StockItemDetails ToDetails(StockItem item, int version) =>
        new()
        {
            WarehouseId = _key.WarehouseId,
            Sku = _key.Sku,
            Version = version,
            OnHand = item.OnHand,
            Reserved = item.Reserved,
            ReorderPoint = item.ReorderPoint,
            Reservations = [.. item.Reservations.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReservationDetails(r.Key, r.Value))],
            LastMovementAt = item.LastMovementAt,
        };
}
