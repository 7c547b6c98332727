using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;
using static Inventory.Grains.Tests.Commands;

namespace Inventory.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GivenAStockItemKey_WhenTheReferenceIsMadeWithoutOrleansLookup_ThenItIsTheSameGrainAsGetGrainGives()
    {
        var key = ClusterFixture.NewKey();
        await fixture.Item(key).ExecuteAsync(Receive(7));

        // Twice: the first call looks the interface type up, the second uses the remembered one.
        var first = fixture.Client.GetStockItem(key);
        var second = fixture.Client.GetStockItem(key);

        var expected = fixture.Client.GetGrain<IStockItemGrain>(key);
        Assert.Equal(expected.GetGrainId(), second.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)second).InterfaceType);
        Assert.Equal(7, (await first.GetDetailsAsync()).OnHand);
        Assert.Equal(7, (await second.GetDetailsAsync()).OnHand);
    }

    [Fact]
    public void GivenAProjectionShard_WhenItsReferenceIsMade_ThenItTargetsTheDefinitionsGrainTypeThroughTheShardInterface()
    {
        var shard = StandardProjections.Warehouses.Shard(fixture.Client, 3, "wh-01");
        var again = StandardProjections.Warehouses.Shard(fixture.Client, 3, "wh-01");

        var expected = fixture.Client.GetGrain<IProjectionShardGrain>(GrainId.Create(StandardProjections.Warehouses.ShardGrainType, "warehouses/3/wh-01"));
        Assert.Equal(expected.GetGrainId(), again.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)shard).InterfaceType);
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)again).InterfaceType);
    }
}
