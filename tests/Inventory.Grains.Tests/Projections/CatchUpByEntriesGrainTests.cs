using Inventory.Contracts.Projections;
using Inventory.Testing.Projections;

namespace Inventory.Grains.Tests.Projections;

/// <summary>Catch-up after the live path: it reads the log's entries, and no payload of an event the live path
/// delivered is read from the log again (events it did not deliver are read: <see cref="ProjectionGrainTests"/>).</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class CatchUpByEntriesGrainTests(ProjectionClusterFixture fixture)
{
    [Fact]
    public async Task GivenMovementsTheLivePathDelivered_WhenEveryProjectionsCatchUpHasPassedThem_ThenNoneOfTheirPayloadsWasReadFromTheLog()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var sku = $"entries-{Guid.NewGuid():N}"[..16];
        var movements = Enumerable.Range(1, 3).Select(q => Commands.Receive(q)).ToList();
        long last = 0;
        fixture.Log.ReadsFail = true; // catch-up waits: what reaches the views meanwhile came by the live path
        try
        {
            foreach (var movement in movements)
            {
                last = (await fixture.Item(warehouse, sku).ExecuteAsync(movement)).Position;
            }

            await ProjectionClusterFixture.EventuallyAsync(() => fixture.Views.GetWarehouseStockAsync(warehouse, null, 10), p => p.Totals.OnHand == 6);
            await ProjectionClusterFixture.EventuallyAsync(() => fixture.Views.GetSkuStockAsync(sku), s => s.Warehouses.Count == 1 && s.Warehouses[0].OnHand == 6);
            var poisonable = (await fixture.Admin.GetStatusesAsync()).Single(s => s.Name == PoisonableViewGrain.Definition.Name).Generation;
            var shard = fixture.Client.GetGrain<IPoisonableViewGrain>(PoisonableViewGrain.Definition.ShardKey(poisonable, warehouse));
            await ProjectionClusterFixture.EventuallyAsync(() => shard.HasSeenAsync(movements[^1].MovementId), seen => seen);
        }
        finally
        {
            fixture.Log.ReadsFail = false;
        }

        var statuses = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Admin.GetStatusesAsync(), s => s.All(p => p.Checkpoint.Position >= last));

        Assert.Equal(3, statuses.Count);
        Assert.DoesNotContain($"{warehouse}/{sku}", fixture.Log.PayloadsRead);
    }
}
