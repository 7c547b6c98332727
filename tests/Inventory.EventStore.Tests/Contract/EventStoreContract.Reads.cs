using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task GivenTwentyFiveEvents_WhenReadingInPagesOfTen_ThenPagesFollowEachOtherWithoutOverlap()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, NewEvents(streamId, 25));

        var first = await Store.ReadStreamAsync(streamId, 0, 10);
        var second = await Store.ReadStreamAsync(streamId, 10, 10);
        var third = await Store.ReadStreamAsync(streamId, 20, 10);
        var past = await Store.ReadStreamAsync(streamId, 25, 10);
        var middle = await Store.ReadStreamAsync(streamId, 7, 3);
        var none = await Store.ReadStreamAsync(streamId, 0, 0);

        Assert.Equal(Enumerable.Range(1, 10), first.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(11, 10), second.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(21, 5), third.Select(e => e.Version));
        Assert.Empty(past);
        Assert.Equal([8, 9, 10], middle.Select(e => e.Version));
        Assert.Empty(none);
    }

    [Fact]
    public async Task GivenUnknownStream_WhenReading_ThenEverythingIsEmpty()
    {
        var streamId = NewStreamId();

        Assert.Empty(await Store.ReadStreamAsync(streamId, 0, 100));
        Assert.Null(await Store.FindByMovementAsync(streamId, Guid.NewGuid()));
        Assert.Equal(0, await Store.GetVersionAtAsync(streamId, T0.AddYears(1)));
        Assert.Null(await Store.ReadSnapshotAsync(streamId));
    }

    [Fact]
    public async Task GivenMovementInOneStream_WhenFindingIt_ThenOnlyThatStreamAnswersWithTheStoredEvent()
    {
        var streamId = NewStreamId();
        var otherStreamId = NewStreamId();
        var events = NewEvents(streamId, 3);
        var appended = await Store.AppendAsync(streamId, 0, events);

        var found = await Store.FindByMovementAsync(streamId, events[1].MovementId);
        var elsewhere = await Store.FindByMovementAsync(otherStreamId, events[1].MovementId);

        Assert.NotNull(found);
        AssertStored(events[1], found, streamId, 2);
        Assert.Equal(appended.Positions[1], found.GlobalPosition);
        Assert.Null(elsewhere);
    }

    [Fact]
    public async Task GivenEventsRecordedOverTime_WhenAskingTheVersionAtATime_ThenItIsTheLastVersionRecordedByThen()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId, T0), NewEvent(streamId, T0.AddMinutes(1))]);
        await Store.AppendAsync(streamId, 2, [NewEvent(streamId, T0.AddMinutes(2))]);

        Assert.Equal(0, await Store.GetVersionAtAsync(streamId, T0.AddTicks(-10)));
        Assert.Equal(1, await Store.GetVersionAtAsync(streamId, T0));
        Assert.Equal(1, await Store.GetVersionAtAsync(streamId, T0.AddSeconds(59)));
        Assert.Equal(2, await Store.GetVersionAtAsync(streamId, T0.AddMinutes(1).ToOffset(TimeSpan.FromHours(-5))));
        Assert.Equal(3, await Store.GetVersionAtAsync(streamId, T0.AddMinutes(2)));
        Assert.Equal(3, await Store.GetVersionAtAsync(streamId, T0.AddDays(30)));
    }

    [Fact]
    public async Task GivenAVersionRecordedEarlierThanTheOneBeforeIt_WhenAskingTheVersionAtATime_ThenItIsTheHighestVersionRecordedByThen()
    {
        // A silo whose clock is behind the previous one's records a later version with an earlier time.
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId, T0.AddMinutes(2)), NewEvent(streamId, T0), NewEvent(streamId, T0.AddMinutes(3))]);

        Assert.Equal(0, await Store.GetVersionAtAsync(streamId, T0.AddTicks(-10)));
        Assert.Equal(2, await Store.GetVersionAtAsync(streamId, T0));
        Assert.Equal(2, await Store.GetVersionAtAsync(streamId, T0.AddMinutes(2)));
        Assert.Equal(3, await Store.GetVersionAtAsync(streamId, T0.AddMinutes(3)));
    }
}
