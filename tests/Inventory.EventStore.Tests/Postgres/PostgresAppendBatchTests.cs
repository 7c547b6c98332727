using Inventory.Contracts.EventStore;
using Inventory.EventStore.Postgres;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The coalescing append path: one round trip for many streams, each stream answered on its own.</summary>
public sealed class PostgresAppendBatchTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabase _database = fixture.Database;

    [Fact]
    public async Task GivenOneBatchOfSixStreams_WhenSomeCannotBeAppended_ThenEachGetsItsOwnAnswerAndOnlyTheGoodOnesAreStored()
    {
        await using var store = _database.CreateStore();
        string[] s = [.. Enumerable.Range(0, 6).Select(i => $"batch/{i}/{Guid.NewGuid():N}")];
        var duplicated = TestEvent.For(s[2]);
        var retried = TestEvent.For(s[3]);
        var twice = TestEvent.For(s[1]);
        await store.AppendAsync(s[2], 0, [duplicated]);
        var firstAttempt = await store.AppendAsync(s[3], 0, [retried]);
        await store.AppendAsync(s[4], 0, [TestEvent.For(s[4]), TestEvent.For(s[4])]);
        await store.AppendAsync(s[5], 0, [TestEvent.For(s[5])]);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var results = AppendEventsStatement.Execute(connection, [
            new AppendRequest(s[0], 0, [TestEvent.For(s[0]), TestEvent.For(s[0])]),
            new AppendRequest(s[1], 0, [twice, twice]),
            new AppendRequest(s[2], 1, [duplicated]),
            new AppendRequest(s[3], 0, [retried]),
            new AppendRequest(s[4], 1, [TestEvent.For(s[4])]),
            new AppendRequest(s[5], 4, [TestEvent.For(s[5])]),
        ]);

        Assert.Equal(
            [AppendStatus.Appended, AppendStatus.VersionConflict, AppendStatus.DuplicateMovement, AppendStatus.AlreadyAppended, AppendStatus.VersionConflict, AppendStatus.VersionConflict],
            results.Select(r => r.Status));
        Assert.Equal(duplicated.MovementId, results[2].DuplicateMovementId);
        Assert.Equal(firstAttempt.Positions, results[3].Positions);
        Assert.Equal(results[0].Positions, (await store.ReadStreamAsync(s[0], 0, 10)).Select(e => e.GlobalPosition));
        var counts = new List<int>();
        foreach (var streamId in s[1..])
        {
            counts.Add((await store.ReadStreamAsync(streamId, 0, 10)).Count);
        }

        Assert.Equal([0, 1, 1, 2, 1], counts);
    }

    [Fact]
    public async Task GivenBatches_WhenEveryRequestIsAtItsHead_ThenOnlyTheFastPathRuns_AndOneConflictHandsTheWholeBatchToTheResolvingPath()
    {
        await using var store = _database.CreateStore();
        string[] s = [.. Enumerable.Range(0, 3).Select(i => $"fast/{i}/{Guid.NewGuid():N}")];
        var taken = TestEvent.For(s[2]);
        await store.AppendAsync(s[1], 0, [TestEvent.For(s[1])]);
        await store.AppendAsync(s[2], 0, [taken]);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var clean = AppendEventsStatement.Execute(connection, [
            new AppendRequest(s[0], 0, [TestEvent.For(s[0]), TestEvent.For(s[0])]),
            new AppendRequest(s[1], 1, [TestEvent.For(s[1])]),
        ], out var cleanResolved);
        var mixed = AppendEventsStatement.Execute(connection, [
            new AppendRequest(s[0], 2, [TestEvent.For(s[0])]),
            new AppendRequest(s[2], 1, [TestEvent.For(s[2], movementId: taken.MovementId)]),
        ], out var mixedResolved);

        Assert.Equal([AppendStatus.Appended, AppendStatus.Appended], clean.Select(r => r.Status));
        Assert.False(cleanResolved);
        Assert.Equal([AppendStatus.Appended, AppendStatus.DuplicateMovement], mixed.Select(r => r.Status));
        Assert.True(mixedResolved);
        var s0 = await store.ReadStreamAsync(s[0], 0, 10);
        Assert.Equal([.. clean[0].Positions, .. mixed[0].Positions], s0.Select(e => e.GlobalPosition));
        Assert.Equal([1, 2, 3], s0.Select(e => e.Version));
        Assert.Equal(clean[1].Positions, (await store.ReadStreamAsync(s[1], 1, 10)).Select(e => e.GlobalPosition));
        Assert.Single(await store.ReadStreamAsync(s[2], 0, 10));
    }

    [Fact]
    public async Task GivenABatch_WhenOneStreamLacksItsExpectedVersion_ThenNothingGoesInOnTheFastPath_AndOnlyThatRequestConflicts()
    {
        await using var store = _database.CreateStore();
        string[] s = [.. Enumerable.Range(0, 3).Select(i => $"gap/{i}/{Guid.NewGuid():N}")];
        await store.AppendAsync(s[0], 0, [TestEvent.For(s[0])]);
        await store.AppendAsync(s[1], 0, [TestEvent.For(s[1])]);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var results = AppendEventsStatement.Execute(connection, [
            new AppendRequest(s[0], 1, [TestEvent.For(s[0]), TestEvent.For(s[0])]),
            new AppendRequest(s[1], 2, [TestEvent.For(s[1])]),
            new AppendRequest(s[2], 0, [TestEvent.For(s[2])]),
        ], out var resolved);

        Assert.True(resolved);
        Assert.Equal([AppendStatus.Appended, AppendStatus.VersionConflict, AppendStatus.Appended], results.Select(r => r.Status));
        Assert.Equal([1, 2, 3], (await store.ReadStreamAsync(s[0], 0, 10)).Select(e => e.Version));
        Assert.Equal([1], (await store.ReadStreamAsync(s[1], 0, 10)).Select(e => e.Version));
        Assert.Equal(results[2].Positions, (await store.ReadStreamAsync(s[2], 0, 10)).Select(e => e.GlobalPosition));
    }

    [Fact]
    public async Task GivenAFastBatchOfManyStreams_WhenStored_ThenEachRequestGetsItsOwnPositionsInVersionOrder()
    {
        await using var store = _database.CreateStore();
        string[] s = [.. Enumerable.Range(0, 20).Select(i => $"many/{19 - i:D2}/{Guid.NewGuid():N}")];
        await using var connection = await _database.DataSource.OpenConnectionAsync();

        var results = AppendEventsStatement.Execute(connection, [.. s.Select((id, i) =>
            new AppendRequest(id, 0, [.. Enumerable.Range(0, 1 + (i % 3)).Select(_ => TestEvent.For(id))]))], out var resolved);

        Assert.False(resolved);
        for (var i = 0; i < s.Length; i++)
        {
            var stored = await store.ReadStreamAsync(s[i], 0, 10);
            Assert.Equal(AppendStatus.Appended, results[i].Status);
            Assert.Equal(1 + (i % 3), stored.Count);
            Assert.Equal(stored.Select(e => e.GlobalPosition), results[i].Positions);
        }
    }

    [Fact]
    public async Task GivenABatch_WhenTwoRequestsAreForOneStream_ThenItIsRefusedAndNothingIsStored()
    {
        await using var store = _database.CreateStore();
        var stream = $"twice/{Guid.NewGuid():N}";
        await using var connection = await _database.DataSource.OpenConnectionAsync();

        Assert.Throws<ArgumentException>(() => AppendEventsStatement.Execute(connection, [
            new AppendRequest(stream, 0, [TestEvent.For(stream)]),
            new AppendRequest(stream, 1, [TestEvent.For(stream)]),
        ]));
        Assert.Empty(await store.ReadStreamAsync(stream, 0, 10));
    }
}
