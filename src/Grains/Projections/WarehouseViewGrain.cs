using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inventory.Projections;

/// <summary>The <c>warehouses</c> projection's shard of one warehouse.</summary>
[GrainType(GrainTypeName)]
public sealed class WarehouseViewGrain(
    [PersistentState("view", ProviderNames.GrainStorage)] IPersistentState<ShardState<WarehouseView>> state,
    IEventStore store,
    IEventLog log,
    IDeadLetterStore deadLetters,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ProjectionMetrics metrics,
    ILogger<WarehouseViewGrain> logger)
    : ProjectionShardGrain<WarehouseView>(state, store, log, deadLetters, options, time, metrics, logger), IWarehouseViewGrain
{
    public const string GrainTypeName = "warehouse-view";

    public Task<WarehouseStockPage> GetStockAsync(string? afterSku, int limit) => Task.FromResult(View.Page(Partition, afterSku, Math.Max(limit, 1)));

    public Task<IReadOnlyList<StockLevel>> GetLowStockAsync() => Task.FromResult(View.LowStock());

    public Task<IReadOnlyList<RecentMovement>> GetRecentMovementsAsync() => Task.FromResult<IReadOnlyList<RecentMovement>>(View.Recent.ToList());

    public Task<WarehouseSummary> GetSummaryAsync() => Task.FromResult(View.Summary(Partition));
}
