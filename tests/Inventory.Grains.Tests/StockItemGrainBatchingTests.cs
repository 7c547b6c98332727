using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using static Inventory.Grains.Tests.Commands;
using Fault = Inventory.Testing.FaultInjectingEventStore.Fault;

namespace Inventory.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StockItemGrainBatchingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GivenSlowStore_WhenManyMovementsArriveAtOnce_ThenTheyShareAppendsAndEachGetsItsOwnVersion()
    {
        var key = ClusterFixture.NewKey();
        await fixture.Item(key).ExecuteAsync(Receive(1000));
        fixture.Store.Inject(key, Fault.Slow);
        var commands = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? (StockCommand)Receive(3) : Pick(2)).ToList();

        var results = await Task.WhenAll(commands.Select(c => fixture.Item(key).ExecuteAsync(c)));

        Assert.All(results, r => Assert.True(r.Accepted));
        Assert.Equal(Enumerable.Range(2, 100), results.Select(r => r.Version).Order());
        Assert.True(fixture.Store.AppendCalls(key) < 1 + 100 / 2, $"{fixture.Store.AppendCalls(key)} appends for 101 movements");
        var stored = await fixture.Store.ReadStreamAsync(key, 0, 1000);
        Assert.Equal(101, stored.Count);
        var byVersion = results.ToDictionary(r => r.Version);
        foreach (var e in stored.Skip(1))
        {
            var @event = StockItemEventTypes.Serializer.Deserialize(e);
            Assert.Equal((e.MovementId, e.GlobalPosition, @event.OnHandAfter), (byVersion[e.Version].MovementId, byVersion[e.Version].Position, byVersion[e.Version].OnHand));
        }

        var details = await fixture.Item(key).GetDetailsAsync();
        Assert.Equal((101, 1000L + 50 * 3 - 50 * 2), (details.Version, details.OnHand));
    }

    [Fact]
    public async Task GivenSlowStore_WhenPicksCompeteForTheLastUnits_ThenTheyAreDecidedInOrderAndTheLoserIsRefused()
    {
        var key = ClusterFixture.NewKey();
        await fixture.Item(key).ExecuteAsync(Receive(5));
        fixture.Store.Inject(key, Fault.Slow);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.Item(key).ExecuteAsync(Pick(2))));

        Assert.Equal(2, results.Count(r => r.Accepted));
        Assert.Equal(2, results.Count(r => r.Rejection?.Code == RejectionCodes.InsufficientStock));
        var details = await fixture.Item(key).GetDetailsAsync();
        Assert.Equal((3, 1L), (details.Version, details.OnHand));
    }

    [Fact]
    public async Task GivenSlowStore_WhenOneMovementIsSentManyTimesAtOnce_ThenItIsAppliedOnceAndEveryCopyGetsTheSameAnswer()
    {
        var key = ClusterFixture.NewKey();
        fixture.Store.Inject(key, Fault.Slow);
        var receive = Receive(7);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.Item(key).ExecuteAsync(receive)));

        Assert.Single(results, r => !r.Duplicate);
        Assert.All(results, r => Assert.Equal((1, 7L), (r.Version, r.OnHand)));
        Assert.Single(await fixture.Store.ReadStreamAsync(key, 0, 100));
    }
}
