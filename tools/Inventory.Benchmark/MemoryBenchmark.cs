using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>Managed memory per active stock item (no reservations): activate many, measure the heap before and after.
/// The read side is settled first, so that its own grains are not what the heap grows by.</summary>
internal static class MemoryBenchmark
{
    public static async Task<double> BytesPerActiveItemAsync(IGrainFactory grains, ProjectionCatalog catalog, int items)
    {
        var keys = Enumerable.Range(0, items).Select(i => $"bench-memory/sku-{i:D6}").ToArray();
        await ForEachAsync(keys, key => grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 }));
        await ReadSideSettler.SettleAsync(grains, catalog);
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var before = SettledHeap();
        await ForEachAsync(keys, key => grains.GetGrain<IStockItemGrain>(key).GetDetailsAsync());
        var after = SettledHeap();
        return (after - before) / (double)items;
    }

    private static async Task ForEachAsync(string[] keys, Func<string, Task> call) =>
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (key, _) => await call(key));

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
