namespace Inventory.Grains.Tests.Projections;

/// <summary>The live stream on its own: with the projections' catch-up unable to read the log, movements of many items
/// of one warehouse, sent at once (so that the stream delivers them to the warehouse's router in batches), all reach
/// every view, each once.</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class LiveDeliveryGrainTests(ProjectionClusterFixture fixture)
{
    private const int Items = 8;
    private const int MovementsPerItem = 5;

    [Fact]
    public async Task GivenCatchUpCannotReadTheLog_WhenManyItemsOfAWarehouseMoveAtOnce_ThenTheLiveStreamBringsEveryMovementToEveryView()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var skus = Enumerable.Range(0, Items).Select(i => $"live-{Guid.NewGuid():N}"[..12] + i).Order(StringComparer.Ordinal).ToList();
        fixture.Log.ReadsFail = true;
        try
        {
            await Task.WhenAll(skus.Select(async sku =>
            {
                for (var quantity = 1; quantity <= MovementsPerItem; quantity++)
                {
                    await fixture.Item(warehouse, sku).ExecuteAsync(Commands.Receive(quantity));
                }
            }));

            const long onHandEach = MovementsPerItem * (MovementsPerItem + 1) / 2;
            var stock = await ProjectionClusterFixture.EventuallyAsync(
                () => fixture.Views.GetWarehouseStockAsync(warehouse, null, Items + 1), p => p.Totals.OnHand == Items * onHandEach);
            Assert.Equal(skus, stock.Items.Select(i => i.Sku));
            Assert.All(stock.Items, i => Assert.Equal((onHandEach, MovementsPerItem), (i.OnHand, i.Version)));
            Assert.Equal(Items * MovementsPerItem, (await fixture.Views.GetRecentMovementsAsync(warehouse)).Count);
            foreach (var sku in skus)
            {
                var across = await ProjectionClusterFixture.EventuallyAsync(
                    () => fixture.Views.GetSkuStockAsync(sku), s => s.Warehouses.Count == 1 && s.Warehouses[0].OnHand == onHandEach);
                Assert.Equal(warehouse, across.Warehouses[0].WarehouseId);
            }
        }
        finally
        {
            fixture.Log.ReadsFail = false;
        }
    }
}
