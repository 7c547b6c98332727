using Inventory.Api.Hosting;
using Inventory.Contracts.Projections;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Inventory.Api.Live;

/// <summary>
/// Feeds <c>GET /api/v1/live</c>. The API is an Orleans client and the stock event stream's pub-sub is implicit-only, so
/// it cannot subscribe to that stream; instead this one loop per API process polls the read side for every open live
/// connection together:
/// <list type="bullet">
/// <item>every <see cref="LiveOptions.PollInterval"/> it reads the recent-movements view (the newest 100 movements) of each
/// warehouse someone follows; for connections that follow all warehouses, the warehouses come from the overview, read
/// again every <see cref="LiveOptions.WarehouseRefreshInterval"/>;</item>
/// <item>a movement whose event id was not in that warehouse's previous read is new: the new ones of a round go out in
/// position order to the connections that follow the warehouse (so a movement goes out once, after the views applied
/// it);</item>
/// <item>the first read of a warehouse is a silent baseline (what the client reads from the views itself), except for a
/// warehouse that appeared while all warehouses were followed (all its movements are new);</item>
/// <item>a read that shares no event with the previous one may have skipped movements (over 100 in one interval): the
/// followers get a resync and read the views again.</item>
/// </list>
/// With no connection open it reads nothing and forgets its baselines.
/// </summary>
public sealed partial class LiveMovementsHub(
    IGrainFactory grains,
    IOptions<InventoryApiOptions> options,
    TimeProvider time,
    ILogger<LiveMovementsHub> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly List<LiveSubscription> _subscriptions = [];

    // Only the poll loop touches these.
    private readonly Dictionary<string, HashSet<Guid>> _seen = new(StringComparer.Ordinal);
    private HashSet<string> _allWarehouses = new(StringComparer.Ordinal);
    private bool _followingAll;
    private DateTimeOffset _warehousesReadAt;

    /// <summary>Follows one warehouse, or every warehouse when <paramref name="warehouseId"/> is null. Dispose to stop.</summary>
    public LiveSubscription Subscribe(string? warehouseId)
    {
        var subscription = new LiveSubscription(warehouseId, Unsubscribe);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Open subscriptions (tests, diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Live.PollInterval, time);
        var failures = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // A poll is the API's own background work, not a request: no trace of its own every interval.
                    using (SuppressInstrumentationScope.Begin())
                    {
                        await PollAsync();
                    }

                    failures = 0;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The cluster may be unreachable for a while (or still connecting): log the first failure and every
                    // 100th after it, and keep trying; the connections keep their heartbeats meanwhile.
                    if (failures++ % 100 == 0)
                    {
                        LogPollFailed(logger, ex, failures);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync()
    {
        LiveSubscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        if (subscriptions.Length == 0)
        {
            _seen.Clear();
            _allWarehouses.Clear();
            _followingAll = false;
            return;
        }

        var views = grains.GetGrain<IViewsGrain>(0);
        var wanted = subscriptions.Where(s => s.WarehouseId is not null).Select(s => s.WarehouseId!).ToHashSet(StringComparer.Ordinal);
        var wasFollowingAll = _followingAll;
        var knownBefore = _allWarehouses;
        if (subscriptions.Any(s => s.WarehouseId is null))
        {
            if (!_followingAll || time.GetUtcNow() - _warehousesReadAt >= options.Value.Live.WarehouseRefreshInterval)
            {
                var overview = await views.GetOverviewAsync();
                _allWarehouses = overview.ByWarehouse.Select(w => w.WarehouseId).ToHashSet(StringComparer.Ordinal);
                _warehousesReadAt = time.GetUtcNow();
                _followingAll = true;
            }

            wanted.UnionWith(_allWarehouses);
        }
        else
        {
            _followingAll = false;
            _allWarehouses = new(StringComparer.Ordinal);
        }

        foreach (var dropped in _seen.Keys.Where(w => !wanted.Contains(w)).ToList())
        {
            _seen.Remove(dropped);
        }

        var reads = await Task.WhenAll(wanted.Select(async w => (WarehouseId: w, Recent: await views.GetRecentMovementsAsync(w))));
        var fresh = new List<RecentMovement>();
        var resync = new List<string>();
        foreach (var (warehouseId, recent) in reads)
        {
            var ids = recent.Select(r => r.EventId).ToHashSet();
            if (_seen.TryGetValue(warehouseId, out var previous))
            {
                fresh.AddRange(recent.Where(r => !previous.Contains(r.EventId)));
                if (previous.Count > 0 && recent.Count > 0 && !recent.Any(r => previous.Contains(r.EventId)))
                {
                    resync.Add(warehouseId);
                }
            }
            else if (wasFollowingAll && !knownBefore.Contains(warehouseId))
            {
                fresh.AddRange(recent);
            }

            _seen[warehouseId] = ids;
        }

        foreach (var warehouseId in resync)
        {
            foreach (var subscription in subscriptions.Where(s => s.Follows(warehouseId)))
            {
                subscription.PublishResync();
            }
        }

        foreach (var movement in fresh.OrderBy(m => m.Position))
        {
            foreach (var subscription in subscriptions.Where(s => s.Follows(movement.WarehouseId)))
            {
                subscription.Publish(movement);
            }
        }

        foreach (var subscription in subscriptions)
        {
            subscription.MarkReady();
        }
    }

    private void Unsubscribe(LiveSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed: reading the views failed ({Failures} time(s) in a row); retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, int failures);
}
