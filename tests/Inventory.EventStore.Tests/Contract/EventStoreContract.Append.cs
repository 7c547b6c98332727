using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task GivenNewStream_WhenAppendingTwice_ThenReadBackHasGapFreeVersionsIncreasingPositionsAndAllFields()
    {
        var streamId = NewStreamId();
        var first = new[]
        {
            NewEvent(streamId, T0, data: """{"zeta":1,"alpha":{"b":[1,2.5,"x"],"a":null},"text":"Größe \"9\" ✓"}"""),
            NewEvent(streamId, T0.AddMilliseconds(1).ToOffset(TimeSpan.FromHours(2))),
        };
        var second = new[] { NewEvent(streamId, T0.AddSeconds(1)) };

        var appended = await Store.AppendAsync(streamId, 0, first);
        var appendedAgain = await Store.AppendAsync(streamId, 2, second);

        Assert.Equal(AppendStatus.Appended, appended.Status);
        Assert.Equal(AppendStatus.Appended, appendedAgain.Status);
        var positions = appended.Positions.Concat(appendedAgain.Positions).ToArray();
        Assert.Equal(3, positions.Length);
        Assert.True(positions[0] < positions[1] && positions[1] < positions[2], $"Positions must increase: {string.Join(", ", positions)}.");

        var stored = await ReadAllAsync(streamId);
        Assert.Equal([1, 2, 3], stored.Select(e => e.Version));
        Assert.Equal(positions, stored.Select(e => e.GlobalPosition));
        var expected = first.Concat(second).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            AssertStored(expected[i], stored[i], streamId, i + 1);
        }
    }

    [Fact]
    public async Task GivenNoEvents_WhenAppending_ThenAppendedWithNothingWritten()
    {
        var streamId = NewStreamId();

        var result = await Store.AppendAsync(streamId, 0, []);

        Assert.Equal(AppendStatus.Appended, result.Status);
        Assert.Empty(result.Positions);
        Assert.Empty(await ReadAllAsync(streamId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task GivenStreamAtVersion2_WhenAppendingAtAnotherExpectedVersion_ThenVersionConflictAndNothingWritten(int expectedVersion)
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, NewEvents(streamId, 2));

        var result = await Store.AppendAsync(streamId, expectedVersion, [NewEvent(streamId)]);

        Assert.Equal(AppendStatus.VersionConflict, result.Status);
        Assert.Empty(result.Positions);
        Assert.Equal([1, 2], (await ReadAllAsync(streamId)).Select(e => e.Version));
    }

    [Fact]
    public async Task GivenEmptyStream_WhenAppendingAfterAVersionItDoesNotHave_ThenVersionConflictAndNoGap()
    {
        var streamId = NewStreamId();

        var result = await Store.AppendAsync(streamId, 5, [NewEvent(streamId)]);

        Assert.Equal(AppendStatus.VersionConflict, result.Status);
        Assert.Empty(await ReadAllAsync(streamId));
    }

    [Fact]
    public async Task GivenMovementInStream_WhenAppendingItAgainWithOtherEvents_ThenDuplicateMovementWithItsIdAndNothingWritten()
    {
        var streamId = NewStreamId();
        var movementId = Guid.NewGuid();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId, movementId: movementId)]);
        var fresh = NewEvent(streamId);
        var reused = NewEvent(streamId, movementId: movementId, data: """{"quantity":7}""");

        var result = await Store.AppendAsync(streamId, 1, [fresh, reused]);

        Assert.Equal(AppendStatus.DuplicateMovement, result.Status);
        Assert.Equal(movementId, result.DuplicateMovementId);
        Assert.Empty(result.Positions);
        Assert.Single(await ReadAllAsync(streamId));
        Assert.Null(await Store.FindByMovementAsync(streamId, fresh.MovementId));
    }

    [Fact]
    public async Task GivenMovementInStream_WhenAppendingItAtAStaleVersion_ThenDuplicateMovementWinsOverVersionConflict()
    {
        var streamId = NewStreamId();
        var movementId = Guid.NewGuid();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId), NewEvent(streamId, movementId: movementId)]);

        var result = await Store.AppendAsync(streamId, 0, [NewEvent(streamId, movementId: movementId)]);

        Assert.Equal(AppendStatus.DuplicateMovement, result.Status);
        Assert.Equal(movementId, result.DuplicateMovementId);
        Assert.Equal(2, (await ReadAllAsync(streamId)).Count);
    }

    [Fact]
    public async Task GivenAppendWhoseAcknowledgementWasLost_WhenTheSameEventsAreAppendedAgain_ThenAlreadyAppendedWithTheSamePositionsAndNoCopies()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId)]);
        var events = NewEvents(streamId, 2);
        var first = await Store.AppendAsync(streamId, 1, events);

        var retry = await Store.AppendAsync(streamId, 1, events);
        await Store.AppendAsync(streamId, 3, [NewEvent(streamId)]);
        var lateRetry = await Store.AppendAsync(streamId, 1, events);

        Assert.Equal(AppendStatus.Appended, first.Status);
        Assert.Equal(AppendStatus.AlreadyAppended, retry.Status);
        Assert.True(retry.Stored);
        Assert.Equal(first.Positions, retry.Positions);
        Assert.Equal(AppendStatus.AlreadyAppended, lateRetry.Status);
        Assert.Equal(first.Positions, lateRetry.Positions);
        var stored = await ReadAllAsync(streamId);
        Assert.Equal([1, 2, 3, 4], stored.Select(e => e.Version));
        Assert.Equal(stored.Count, stored.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task GivenMovementStoredAtAVersion_WhenAppendedAgainAtThatVersionWithOtherData_ThenDuplicateMovementNotAlreadyAppended()
    {
        var streamId = NewStreamId();
        var movementId = Guid.NewGuid();
        var stored = NewEvent(streamId, movementId: movementId, data: """{"quantity":5}""");
        await Store.AppendAsync(streamId, 0, [stored]);

        var otherData = await Store.AppendAsync(streamId, 0, [NewEvent(streamId, movementId: movementId, data: """{"quantity":7}""")]);
        var sameDataOtherLayout = await Store.AppendAsync(streamId, 0, [NewEvent(streamId, movementId: movementId, data: """{ "quantity" : 5 }""")]);

        Assert.Equal(AppendStatus.DuplicateMovement, otherData.Status);
        Assert.Equal(movementId, otherData.DuplicateMovementId);
        Assert.Equal(AppendStatus.AlreadyAppended, sameDataOtherLayout.Status);
        var events = await ReadAllAsync(streamId);
        AssertSameJson(stored.Data, Assert.Single(events).Data);
    }

    [Fact]
    public async Task GivenEventIdStoredInAnotherStream_WhenAppendingIt_ThenArgumentExceptionAndNothingWritten()
    {
        var streamId = NewStreamId();
        var otherStreamId = NewStreamId();
        var taken = NewEvent(otherStreamId);
        await Store.AppendAsync(otherStreamId, 0, [taken]);

        var append = () => Store.AppendAsync(streamId, 0, [NewEvent(streamId), NewEvent(streamId) with { EventId = taken.EventId }]);

        await Assert.ThrowsAsync<ArgumentException>(append);
        Assert.Empty(await ReadAllAsync(streamId));
        Assert.Single(await ReadAllAsync(otherStreamId));
    }

    [Fact]
    public async Task GivenEventIdNotDerivedFromItsStreamAndMovement_WhenAppending_ThenArgumentExceptionAndNothingWritten()
    {
        var streamId = NewStreamId();
        var stored = NewEvent(streamId);
        await Store.AppendAsync(streamId, 0, [stored]);

        var random = () => Store.AppendAsync(streamId, 1, [NewEvent(streamId) with { EventId = Guid.NewGuid() }]);
        var ofAnotherMovement = () => Store.AppendAsync(streamId, 1, [NewEvent(streamId) with { EventId = stored.EventId }]);

        await Assert.ThrowsAsync<ArgumentException>(random);
        await Assert.ThrowsAsync<ArgumentException>(ofAnotherMovement);
        Assert.Equal([stored.EventId], (await ReadAllAsync(streamId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task GivenThreeEvents_WhenAppendedInOneCall_ThenAllOrNoneAreStored()
    {
        var streamId = NewStreamId();
        var three = NewEvents(streamId, 3);
        var appended = await Store.AppendAsync(streamId, 0, three);
        var stale = await Store.AppendAsync(streamId, 2, NewEvents(streamId, 3));
        var withDuplicate = await Store.AppendAsync(streamId, 3, [NewEvent(streamId), NewEvent(streamId), NewEvent(streamId, movementId: three[1].MovementId)]);

        Assert.Equal(AppendStatus.Appended, appended.Status);
        Assert.Equal(3, appended.Positions.Count);
        Assert.Equal(AppendStatus.VersionConflict, stale.Status);
        Assert.Equal(AppendStatus.DuplicateMovement, withDuplicate.Status);
        var stored = await ReadAllAsync(streamId);
        Assert.Equal(three.Select(e => e.EventId), stored.Select(e => e.EventId));
        Assert.Equal(appended.Positions, stored.Select(e => e.GlobalPosition));
    }

    [Fact]
    public async Task GivenOneAppendCarryingAMovementTwice_ThenRefusedAndNothingWritten()
    {
        var streamId = NewStreamId();
        var movementId = Guid.NewGuid();
        var first = NewEvent(streamId, movementId: movementId);
        var second = NewEvent(streamId, movementId: movementId, data: """{"quantity":7}""");

        var result = await Store.AppendAsync(streamId, 0, [first, second]);

        Assert.False(result.Stored);
        Assert.Empty(await ReadAllAsync(streamId));
    }
}
