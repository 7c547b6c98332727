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
        var occupied = TestEvent.For(s[5]);
        await store.AppendAsync(s[2], 0, [duplicated]);
        var firstAttempt = await store.AppendAsync(s[3], 0, [retried]);
        await store.AppendAsync(s[4], 0, [TestEvent.For(s[4]), TestEvent.For(s[4])]);
        await store.AppendAsync(s[5], 0, [occupied]);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var results = AppendEventsStatement.Execute(connection, [
            new AppendRequest(s[0], 0, [TestEvent.For(s[0]), TestEvent.For(s[0])]),
            new AppendRequest(s[1], 0, [TestEvent.For(s[1]), TestEvent.For(s[1]) with { EventId = occupied.EventId }]),
            new AppendRequest(s[2], 1, [duplicated with { EventId = Guid.NewGuid() }]),
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
}
