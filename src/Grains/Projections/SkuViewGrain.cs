using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inventory.Projections;

/// <summary>The <c>skus</c> projection's shard of one bucket of SKUs.</summary>
[GrainType(GrainTypeName)]
public sealed class SkuViewGrain(
    [PersistentState("view", ProviderNames.GrainStorage)] IPersistentState<ShardState<SkuView>> state,
    IEventStore store,
    IEventLog log,
    IDeadLetterStore deadLetters,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ProjectionMetrics metrics,
    ILogger<SkuViewGrain> logger)
    : ProjectionShardGrain<SkuView>(state, store, log, deadLetters, options, time, metrics, logger), ISkuViewGrain
{
    public const string GrainTypeName = "sku-view";

    public Task<SkuStock> GetStockAsync(string sku) => Task.FromResult(View.Stock(sku));

    public Task<int> GetSkuCountAsync() => Task.FromResult(View.Skus.Count);

    public Task<IReadOnlyList<TransitLine>> GetTransitAsync(string? warehouseId) => Task.FromResult(View.InTransit(warehouseId));
}
