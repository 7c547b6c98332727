using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>Waits until the served views equal a fresh replay of the event store, exactly.</summary>
public static class Convergence
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Replays the store once (it must not change any more), then reads the views until they equal it; returns
    /// the replay. Reads that fail or time out (a silo just died) count as not converged yet. Fails after
    /// <paramref name="bound"/> with the difference.</summary>
    public static async Task<ReplayedStore> WaitAsync(IViewsGrain views, string connectionString, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(views);
        var expected = await StoreReplay.ReadAsync(connectionString);
        var clock = Stopwatch.StartNew();
        ViewSnapshot? last = null;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await ServedViews.ReadAsync(views, expected.Warehouses, expected.Skus, CallTimeout);
                if (last.SameAs(expected.Views))
                {
                    return expected;
                }
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException or OperationCanceledException or StorageUnavailableException)
            {
                lastError = ex;
            }

            if (clock.Elapsed > bound)
            {
                var difference = last is null ? "(no successful read)" : last.DiffFrom(expected.Views);
                Assert.Fail($"The views did not equal the replay of {expected.Events} events within {bound.TotalSeconds:0} s; " +
                    $"last read error: {lastError?.GetType().Name}: {lastError?.Message}{Environment.NewLine}{difference}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
