using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.StockItems;
using static Inventory.Grains.Tests.Commands;

namespace Inventory.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StockItemGrainHistoryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GivenLongHistory_ThenSnapshotsAreTakenAndStateSurvivesReactivationWithAndWithoutThem()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        await item.ExecuteAsync(Reserve(1, "r-1")); // rejected: nothing on hand yet, writes nothing
        for (var i = 0; i < 25; i++)
        {
            await item.ExecuteAsync(Receive(2));
        }

        await item.ExecuteAsync(Reserve(7, "r-1"));
        var before = await item.GetDetailsAsync();

        var snapshot = await fixture.Store.ReadSnapshotAsync(key);
        Assert.NotNull(snapshot);
        Assert.Equal(20, snapshot.Version);

        await fixture.ReactivateAsync(key);
        var fromSnapshot = await fixture.Item(key).GetDetailsAsync();
        await fixture.Store.DeleteSnapshotAsync(key);
        await fixture.ReactivateAsync(key);
        var fromEvents = await fixture.Item(key).GetDetailsAsync();

        Assert.Equal((26, 50L, 7L), (before.Version, before.OnHand, before.Reserved));
        foreach (var after in new[] { fromSnapshot, fromEvents })
        {
            Assert.Equal((before.Version, before.OnHand, before.Reserved), (after.Version, after.OnHand, after.Reserved));
            Assert.Equal(before.Reservations, after.Reservations);
        }
    }

    [Fact]
    public async Task GivenHistory_ThenPastStatesAreReadByVersionAndByTime()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        await item.ExecuteAsync(Receive(10));
        await item.ExecuteAsync(Pick(3));
        await item.ExecuteAsync(Adjust(-2, "damaged"));
        var recorded = (await item.GetHistoryAsync(0, 10)).Entries.Select(e => e.RecordedAt).ToList();
        Assert.True(recorded[1] < recorded[2], "the adjustment was recorded after the pick");
        var beforeAll = recorded[0].AddTicks(-10);

        var atOne = await item.GetDetailsAtVersionAsync(1);
        var asOfPick = await item.GetDetailsAsOfAsync(recorded[1]);

        Assert.Equal((1, 10L), (atOne!.Version, atOne.OnHand));
        Assert.Equal((2, 7L), (asOfPick!.Version, asOfPick.OnHand));
        Assert.Null(await item.GetDetailsAsOfAsync(beforeAll));
        Assert.Null(await item.GetDetailsAtVersionAsync(0));
        Assert.Null(await item.GetDetailsAtVersionAsync(4));
        Assert.Equal(5, (await item.GetDetailsAsync()).OnHand);
    }

    [Fact]
    public async Task GivenHistory_ThenItIsReadPageByPageAsALedger()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        var receive = Receive(10);
        await item.ExecuteAsync(receive);
        await item.ExecuteAsync(Reserve(4, "order-1"));
        await item.ExecuteAsync(Pick(4, reservationId: "order-1"));

        var first = await item.GetHistoryAsync(0, 2);
        var second = await item.GetHistoryAsync(first.NextAfterVersion!.Value, 2);

        Assert.Equal([1, 2], first.Entries.Select(e => e.Version));
        Assert.Equal(2, first.NextAfterVersion);
        Assert.Equal([3], second.Entries.Select(e => e.Version));
        Assert.Null(second.NextAfterVersion);
        var received = first.Entries[0];
        Assert.Equal((StockItemEventTypes.Received, receive.MovementId, "scanner-7", 10L, 0L), (received.Type, received.MovementId, received.ScannerId, received.OnHandAfter, received.ReservedAfter));
        Assert.Equal(DeterministicGuid.ForEvent(key, receive.MovementId), received.EventId);
        Assert.Equal((6L, 0L), (second.Entries[0].OnHandAfter, second.Entries[0].ReservedAfter));
    }

    [Fact]
    public async Task GivenStreamWithAnOldSchemaEvent_WhenItemActivates_ThenTheUpcastEventIsFolded()
    {
        var key = ClusterFixture.NewKey();
        var recordedAt = DateTimeOffset.UtcNow;
        var receivedId = Guid.NewGuid();
        var received = new EventData(DeterministicGuid.ForEvent(key, receivedId), receivedId, StockItemEventTypes.Received, 1,
            $$"""{"movementId":"{{receivedId}}","recordedAt":"{{recordedAt:O}}","onHandAfter":10,"reservedAfter":0,"quantity":10}""", "{}", recordedAt);
        var movementId = Guid.NewGuid();
        var adjustedV1 = new EventData(DeterministicGuid.ForEvent(key, movementId), movementId, StockItemEventTypes.Adjusted, 1,
            $$"""{"movementId":"{{movementId}}","recordedAt":"{{recordedAt:O}}","onHandAfter":7,"reservedAfter":0,"quantity":3,"direction":"decrease","reason":"damaged"}""", "{}", recordedAt);
        Assert.True((await fixture.Store.AppendAsync(key, 0, [received, adjustedV1])).Stored);

        var details = await fixture.Item(key).GetDetailsAsync();
        var history = await fixture.Item(key).GetHistoryAsync(1, 10);

        Assert.Equal((2, 7L), (details.Version, details.OnHand));
        Assert.Contains("\"delta\":-3", history.Entries[0].Data, StringComparison.Ordinal);
    }
}
