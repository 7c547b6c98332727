using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>
/// Lets the read side catch up with everything written so far, and store its checkpoints, before a measurement
/// starts: each phase (the baseline's too) then runs with the projections keeping up live, not working off the
/// previous phase's backlog, and a forced activation collection does not make them deliver it all again.
/// </summary>
internal static class ReadSideSettler
{
    public static async Task SettleAsync(IGrainFactory grains, ProjectionCatalog catalog) =>
        await Task.WhenAll(catalog.All.Select(d => grains.GetGrain<IProjectionCoordinatorGrain>(d.Name).CatchUpNowAsync()));
}
