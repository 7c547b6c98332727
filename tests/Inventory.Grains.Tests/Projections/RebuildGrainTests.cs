using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Grains.Tests.Projections;

/// <summary>Blue/green rebuild: the new generation is built from position 0 while the current one serves reads, and
/// takes over only once it has caught up; reads never go empty or backwards, and writes go on throughout.</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class RebuildGrainTests(ProjectionClusterFixture fixture)
{
    [Fact]
    public async Task GivenAProjectionServingReads_WhenRebuiltUnderWrites_ThenReadsNeverGoEmptyOrBackwardsAndTheNewGenerationTakesOver()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var skus = Enumerable.Range(0, 8).Select(i => $"s{i}").ToArray();
        foreach (var sku in skus)
        {
            await fixture.Item(warehouse, sku).ExecuteAsync(Commands.Receive(100));
        }

        await ProjectionClusterFixture.EventuallyAsync(() => fixture.Views.GetWarehouseStockAsync(warehouse, null, 100), p => p.Items.Count == skus.Length);
        var before = await fixture.Admin.GetStatusesAsync();
        var generation = before.Single(s => s.Name == "warehouses").Generation;

        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await fixture.Item(warehouse, skus[n++ % skus.Length]).ExecuteAsync(Commands.Pick(1));
            }

            return n;
        });
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var reads = 0;
        var rebuild = await fixture.Admin.RebuildAsync("warehouses");
        Assert.NotNull(rebuild?.Rebuild);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        ProjectionStatus status;
        do
        {
            var page = await fixture.Views.GetWarehouseStockAsync(warehouse, null, 100);
            reads++;
            Assert.Equal(skus.Length, page.Items.Count);
            foreach (var level in page.Items)
            {
                Assert.True(level.Version >= seen.GetValueOrDefault(level.Sku), $"{level.Sku} went back from version {seen.GetValueOrDefault(level.Sku)} to {level.Version}");
                seen[level.Sku] = level.Version;
            }

            status = (await fixture.Admin.GetStatusesAsync()).Single(s => s.Name == "warehouses");
            Assert.True(DateTime.UtcNow < deadline, "The rebuild did not take over within 20 s.");
        }
        while (status.Generation == generation || status.Rebuild is not null);

        // Keep reading a little after the takeover: stale caches still route some reads to the old generation.
        for (var i = 0; i < 20; i++)
        {
            var page = await fixture.Views.GetWarehouseStockAsync(warehouse, null, 100);
            Assert.All(page.Items, level => Assert.True(level.Version >= seen[level.Sku]));
            page.Items.ToList().ForEach(level => seen[level.Sku] = level.Version);
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        var written = await writes;
        Assert.Equal(generation + 1, status.Generation);
        Assert.True(reads > 5 && written > 0, $"{reads} reads, {written} writes");

        // The new generation ends equal to the items themselves.
        foreach (var sku in skus)
        {
            var details = await fixture.Item(warehouse, sku).GetDetailsAsync();
            await ProjectionClusterFixture.EventuallyAsync(
                () => fixture.Views.GetWarehouseStockAsync(warehouse, null, 100),
                p => p.Items.Single(l => l.Sku == sku) is var l && l.Version == details.Version && l.OnHand == details.OnHand);
        }
    }
}
