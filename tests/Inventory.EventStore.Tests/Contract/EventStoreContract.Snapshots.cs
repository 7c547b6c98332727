using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task GivenSnapshot_WhenReadingIt_ThenAllFieldsRoundTrip()
    {
        var streamId = NewStreamId();
        var snapshot = new StreamSnapshot(streamId, 500, "stock-item", 1, """{"onHand":12,"reservations":{"o-2":3,"o-1":1}}""", T0.ToOffset(TimeSpan.FromHours(1)));

        await Store.SaveSnapshotAsync(snapshot);
        var read = await Store.ReadSnapshotAsync(streamId);

        Assert.NotNull(read);
        Assert.Equal((snapshot.StreamId, snapshot.Version, snapshot.Type, snapshot.SchemaVersion, snapshot.TakenAt), (read.StreamId, read.Version, read.Type, read.SchemaVersion, read.TakenAt));
        AssertSameJson(snapshot.Data, read.Data);
    }

    [Fact]
    public async Task GivenSnapshotAtVersion5_WhenSavingOlderSameAndLaterOnes_ThenTheLatestVersionIsKept()
    {
        var streamId = NewStreamId();
        await Store.SaveSnapshotAsync(Snapshot(streamId, 5, "first"));

        await Store.SaveSnapshotAsync(Snapshot(streamId, 3, "older"));
        var afterOlder = await Store.ReadSnapshotAsync(streamId);
        await Store.SaveSnapshotAsync(Snapshot(streamId, 5, "same"));
        var afterSame = await Store.ReadSnapshotAsync(streamId);
        await Store.SaveSnapshotAsync(Snapshot(streamId, 8, "later"));
        var afterLater = await Store.ReadSnapshotAsync(streamId);

        Assert.Equal((5, "first"), Describe(afterOlder));
        Assert.Equal((5, "same"), Describe(afterSame));
        Assert.Equal((8, "later"), Describe(afterLater));
    }

    [Fact]
    public async Task GivenSnapshot_WhenDeletingIt_ThenItIsGoneAndTheEventsStay()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, NewEvents(streamId, 2));
        await Store.SaveSnapshotAsync(Snapshot(streamId, 2, "state"));

        await Store.DeleteSnapshotAsync(streamId);
        await Store.DeleteSnapshotAsync(streamId);

        Assert.Null(await Store.ReadSnapshotAsync(streamId));
        Assert.Equal(2, (await ReadAllAsync(streamId)).Count);
        await Store.SaveSnapshotAsync(Snapshot(streamId, 1, "rebuilt"));
        Assert.Equal((1, "rebuilt"), Describe(await Store.ReadSnapshotAsync(streamId)));
    }

    private static StreamSnapshot Snapshot(string streamId, int version, string label) =>
        new(streamId, version, "stock-item", 1, $$"""{"label":"{{label}}"}""", T0.AddMinutes(version));

    private static (int Version, string Label) Describe(StreamSnapshot? snapshot)
    {
        Assert.NotNull(snapshot);
        var label = System.Text.Json.Nodes.JsonNode.Parse(snapshot.Data)!["label"]!.GetValue<string>();
        return (snapshot.Version, label);
    }
}
