using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Processes;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Inventory.Projections;

/// <summary>The read facade: a stateless worker that routes each view read to its projection's active generation
/// (cached for <see cref="ProjectionOptions.GenerationCacheTtl"/>) and assembles the overview.</summary>
[StatelessWorker]
[GrainType("views")]
public sealed class ViewsGrain(IEventLog log, GenerationDirectory directory, TimeProvider time, IOptions<ProcessOptions> processes) : Grain, IViewsGrain
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public async Task<WarehouseStockPage> GetWarehouseStockAsync(string warehouseId, string? afterSku, int limit) =>
        await (await WarehouseAsync(warehouseId)).GetStockAsync(afterSku, limit);

    public async Task<IReadOnlyList<StockLevel>> GetLowStockAsync(string warehouseId) =>
        await (await WarehouseAsync(warehouseId)).GetLowStockAsync();

    public async Task<IReadOnlyList<RecentMovement>> GetRecentMovementsAsync(string warehouseId) =>
        await (await WarehouseAsync(warehouseId)).GetRecentMovementsAsync();

    public async Task<SkuStock> GetSkuStockAsync(string sku) =>
        await (await SkuAsync(sku)).GetStockAsync(sku);

    public async Task<Overview> GetOverviewAsync()
    {
        var warehouses = await Coordinator(StandardProjections.Warehouses).GetPartitionsAsync();
        var buckets = await Coordinator(StandardProjections.Skus).GetPartitionsAsync();
        var skuGeneration = await ActiveGenerationAsync(StandardProjections.Skus);
        var skus = (await Task.WhenAll(buckets.Select(b =>
            GrainFactory.GetGrain<ISkuViewGrain>(StandardProjections.Skus.ShardKey(skuGeneration, b)).GetSkuCountAsync()))).Sum();
        var summaries = await Task.WhenAll(warehouses.Select(async w => await (await WarehouseAsync(w)).GetSummaryAsync()));
        var totals = new StockTotals(
            summaries.Sum(s => s.Totals.Items),
            summaries.Sum(s => s.Totals.OnHand),
            summaries.Sum(s => s.Totals.Reserved),
            summaries.Sum(s => s.Totals.Available),
            summaries.Sum(s => s.Totals.LowStock));
        var perMinute = summaries
            .SelectMany(s => s.MovementsPerMinute)
            .GroupBy(m => m.Minute)
            .ToDictionary(g => g.Key.ToUnixTimeSeconds() / 60, g => g.Sum(m => m.Movements));
        var transit = await GetTransitAsync(null);
        var summary = new TransitSummary(
            transit.Sum(t => t.InTransit), transit.Select(t => t.TransferId).Distinct(StringComparer.Ordinal).Count(),
            transit.Where(t => t.Overdue).Select(t => t.TransferId).Distinct(StringComparer.Ordinal).Count());
        return new Overview(warehouses.Count, skus, totals, summaries.Sum(s => s.Movements), WarehouseView.PerMinute(perMinute), summaries, summary);
    }

    public async Task<IReadOnlyList<TransitLine>> GetTransitAsync(string? warehouseId)
    {
        // Every SKU bucket has its part: the items' transfer events of a SKU, at both ends, land in the same bucket.
        var buckets = await Coordinator(StandardProjections.Skus).GetPartitionsAsync();
        var generation = await ActiveGenerationAsync(StandardProjections.Skus);
        var parts = await Task.WhenAll(buckets.Select(b =>
            GrainFactory.GetGrain<ISkuViewGrain>(StandardProjections.Skus.ShardKey(generation, b)).GetTransitAsync(warehouseId)));

        // A transfer is overdue once its last line left longer ago than the limit, and something of it has not arrived.
        var overdueBefore = time.GetUtcNow() - processes.Value.TransferOverdueAfter;
        var lines = parts.SelectMany(p => p).ToList();
        var dispatched = lines.GroupBy(l => l.TransferId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(l => l.DispatchedAt), StringComparer.Ordinal);
        return [.. lines
            .Select(l => l with { Overdue = dispatched[l.TransferId] < overdueBefore })
            .OrderBy(l => dispatched[l.TransferId]).ThenBy(l => l.TransferId, StringComparer.Ordinal).ThenBy(l => l.Sku, StringComparer.Ordinal)];
    }

    public async Task<bool> WaitForAsync(string streamId, long position, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var warehouse = await WarehouseAsync(StandardProjections.WarehouseOf(streamId));
            var sku = await SkuAsync(StandardProjections.SkuOf(streamId));
            if (await warehouse.HasAppliedAsync(streamId, position) && await sku.HasAppliedAsync(streamId, position))
            {
                return true;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, time);
        }
    }

    public async Task<bool> WaitForPositionAsync(long position, TimeSpan timeout)
    {
        // A movement's reply comes after its commit, so its event is found at once; an unknown position is not waited for.
        var stored = await log.ReadAtAsync(position);
        return stored is not null && await WaitForAsync(stored.StreamId, position, timeout);
    }

    public async Task<bool> WaitForListedPositionAsync(long position, TimeSpan timeout)
    {
        var deadline = time.GetUtcNow() + timeout;
        var stored = await log.ReadAtAsync(position);
        if (stored is null || !await WaitForAsync(stored.StreamId, position, timeout))
        {
            return false;
        }

        var warehouse = StandardProjections.WarehouseOf(stored.StreamId);
        var bucket = StandardProjections.SkuBucketOfStream(stored.StreamId);
        while (!(await Coordinator(StandardProjections.Warehouses).GetPartitionsAsync()).Contains(warehouse)
            || !(await Coordinator(StandardProjections.Skus).GetPartitionsAsync()).Contains(bucket))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, time);
        }

        return true;
    }

    private async Task<IWarehouseViewGrain> WarehouseAsync(string warehouseId)
    {
        var definition = StandardProjections.Warehouses;
        return GrainFactory.GetGrain<IWarehouseViewGrain>(definition.ShardKey(await ActiveGenerationAsync(definition), warehouseId));
    }

    private async Task<ISkuViewGrain> SkuAsync(string sku)
    {
        var definition = StandardProjections.Skus;
        return GrainFactory.GetGrain<ISkuViewGrain>(definition.ShardKey(await ActiveGenerationAsync(definition), StandardProjections.SkuBucketOf(sku)));
    }

    private IProjectionCoordinatorGrain Coordinator(ProjectionDefinition definition) =>
        GrainFactory.GetGrain<IProjectionCoordinatorGrain>(definition.Name);

    private ValueTask<int> ActiveGenerationAsync(ProjectionDefinition definition) => directory.ActiveGenerationAsync(definition.Name);
}
