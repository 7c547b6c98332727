using Inventory.Contracts.EventStore;
using Inventory.EventStore.Postgres;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>
/// Why the global log follows (transaction, position) below the oldest transaction in flight: a global position is
/// taken at INSERT, and becomes visible at COMMIT, so positions do not appear in order. A fresh database per test.
/// </summary>
[Collection(HeldTransactionsCollection.Name)]
public sealed class PostgresEventLogGapTests
{
    [Fact]
    public async Task GivenAnOpenTransactionWithALowerPosition_WhenLaterAppendsCommit_ThenTheLogHoldsThemBackAndDeliversAllOnceItCommits()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var before = await AppendAsync(store, "before", 2);
        await using var held = await HeldTransaction.BeginAsync(database);
        var (heldEventId, heldPosition) = await held.InsertAsync("held");
        var after = new List<Guid>();
        foreach (var streamId in new[] { "after-1", "after-2", "after-3" })
        {
            after.AddRange(await AppendAsync(store, streamId, 1));
        }

        var (seen, end) = await FollowAsync(store, LogPosition.Start, 2, before.Count);
        var whileHeld = await store.ReadAllAsync(end, 100);
        var head = await store.ReadHeadAsync(end);
        await held.CommitAsync();
        var (rest, _) = await FollowAsync(store, end, 2, 1 + after.Count);

        Assert.True(after.Count > 0 && await PositionOfAsync(database, after[0]) > heldPosition);
        Assert.Equal(before, seen.Select(e => e.EventId));
        Assert.All(seen, e => Assert.True(e.TransactionId < held.TransactionId));
        Assert.Empty(whileHeld.Events);
        Assert.Equal(end, whileHeld.End);
        Assert.Equal(after.Count, head.Pending);
        Assert.Equal([heldEventId, .. after], rest.Select(e => e.EventId));
        Assert.Equal(held.TransactionId, rest[0].TransactionId);
        Assert.Equal(await EventIdsInLogOrderAsync(database), [.. seen.Concat(rest).Select(e => e.EventId)]);
        Assert.Empty((await store.ReadAllAsync(rest[^1].LogPosition, 100)).Events);
    }

    [Fact]
    public async Task GivenAnOpenOlderTransactionThatInsertsAfterLaterCommits_WhenReading_ThenNothingAtOrAfterItsTransactionIsReturnedUntilItCommits()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore();
        await using var held = await HeldTransaction.BeginAsync(database);
        var first = await AppendAsync(store, "first", 2);
        var (heldEventId, heldPosition) = await held.InsertAsync("held");
        var second = await AppendAsync(store, "second", 1);

        var whileHeld = await store.ReadAllAsync(LogPosition.Start, 100);
        await held.CommitAsync();
        var (events, _) = await FollowAsync(store, LogPosition.Start, 2, 4);

        Assert.True(heldPosition > await PositionOfAsync(database, first[1]));
        Assert.Empty(whileHeld.Events);
        Assert.Equal(LogPosition.Start, whileHeld.End);
        Assert.Equal([heldEventId, .. first, .. second], events.Select(e => e.EventId));
        Assert.Equal(held.TransactionId, events[0].TransactionId);
        Assert.All(events.Skip(1), e => Assert.True(e.TransactionId > held.TransactionId));
    }

    [Fact]
    public async Task GivenAnOpenTransactionWithALowerPosition_WhenANaiveReaderCheckpointsTheHighestPositionSeen_ThenItLosesTheHeldEvent()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore();
        await using var held = await HeldTransaction.BeginAsync(database);
        var (heldEventId, _) = await held.InsertAsync("held");
        var committed = await AppendAsync(store, "committed", 3);

        var naive = new List<Guid>();
        var checkpoint = await ReadByPositionAsync(database, 0, naive);
        await held.CommitAsync();
        await ReadByPositionAsync(database, checkpoint, naive);
        var (logged, _) = await FollowAsync(store, LogPosition.Start, 100, 4);

        Assert.Equal(committed, naive);
        Assert.DoesNotContain(heldEventId, naive);
        Assert.Equal([heldEventId, .. committed], logged.Select(e => e.EventId));
    }

    [Fact]
    public async Task GivenAppendersSomeOfThemSlowToCommit_WhenAReaderFollowsTheLogMeanwhile_ThenItReadsEveryCommittedEventExactlyOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var until = DateTime.UtcNow.AddSeconds(2);
        var seen = new List<StoredEvent>();
        var appendersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(() => FollowUntilAsync(store, seen, appendersDone.Task, database));

        var appenders = Enumerable.Range(0, 3).Select(i => Task.Run(() => AppendUntilAsync(store, $"store-{i}", i, until)))
            .Concat(Enumerable.Range(0, 3).Select(i => Task.Run(() => InsertSlowlyUntilAsync(database, $"slow-{i}", i, until))))
            .ToArray();
        await Task.WhenAll(appenders);
        appendersDone.SetResult();
        await reader;

        var stored = await EventIdsInLogOrderAsync(database);
        Assert.True(stored.Count > 100, $"Only {stored.Count} events were appended.");
        Assert.Equal(seen.Count, seen.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(stored, seen.Select(e => e.EventId));
    }

    [Fact]
    public async Task GivenAnOpenTransaction_WhenScanningInStatementsOfThreeRows_ThenPagesCrossTheStatementsAndTheScanStopsBelowIt()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore(new PostgresEventStoreOptions { LogScanStatementRows = 3 });
        var before = new List<Guid>();
        foreach (var streamId in new[] { "a", "b", "c", "d" })
        {
            before.AddRange(await AppendAsync(store, streamId, 2));
        }

        await using var held = await HeldTransaction.BeginAsync(database);
        await held.InsertAsync("held");
        var after = await AppendAsync(store, "after", 1);

        var pages = new List<LogPage>();
        await foreach (var page in ((IEventLog)store).ScanAsync(LogPosition.Start, 2))
        {
            pages.Add(page);
        }

        await held.CommitAsync();
        Assert.Equal(before, pages.SelectMany(p => p.Events).Select(e => e.EventId));
        Assert.Equal([2, 2, 2, 2, 0], pages.Select(p => p.Events.Count));
        Assert.All(pages.Where(p => p.Events.Count > 0), p => Assert.Equal(p.Events[^1].LogPosition, p.End));
        Assert.Equal(pages[^2].End, pages[^1].End);
        Assert.DoesNotContain(after[0], pages.SelectMany(p => p.Events).Select(e => e.EventId));
    }

    private static async Task<List<Guid>> AppendAsync(PostgresEventStore store, string streamId, int count)
    {
        var events = Enumerable.Range(0, count).Select(_ => TestEvent.For(streamId)).ToArray();
        var result = await store.AppendAsync(streamId, 0, events);
        Assert.Equal(AppendStatus.Appended, result.Status);
        return [.. events.Select(e => e.EventId)];
    }

    private static async Task AppendUntilAsync(PostgresEventStore store, string streamId, int seed, DateTime until)
    {
        var version = 0;
        var random = new Random(seed);
        while (DateTime.UtcNow < until)
        {
            var events = Enumerable.Range(0, random.Next(1, 4)).Select(_ => TestEvent.For(streamId)).ToArray();
            var result = await store.AppendAsync(streamId, version, events);
            Assert.Equal(AppendStatus.Appended, result.Status);
            version += events.Length;
        }
    }

    /// <summary>Transactions that insert, sleep a few milliseconds holding their positions, then commit (one in five rolls back).</summary>
    private static async Task InsertSlowlyUntilAsync(PostgresDatabase database, string prefix, int seed, DateTime until)
    {
        var random = new Random(seed);
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await HeldTransaction.InsertAsync(connection, transaction, $"{prefix}/{i}");
            await using var sleep = new NpgsqlCommand("SELECT pg_sleep($1)", connection, transaction);
            sleep.Parameters.Add(new NpgsqlParameter<double> { TypedValue = random.Next(1, 20) / 1000.0 });
            await sleep.ExecuteNonQueryAsync();
            if (random.Next(5) == 0)
            {
                await transaction.RollbackAsync();
            }
            else
            {
                await transaction.CommitAsync();
            }
        }
    }

    /// <summary>Follows the log from the start; once the appenders are done, until it has read as many events as are stored.</summary>
    private static async Task FollowUntilAsync(PostgresEventStore log, List<StoredEvent> seen, Task appendersDone, PostgresDatabase database)
    {
        var end = LogPosition.Start;
        long? total = null;
        var deadline = DateTime.MaxValue;
        while (total is null || seen.Count < total)
        {
            var page = await log.ReadAllAsync(end, 50);
            Assert.All(page.Events, e => Assert.True(e.LogPosition > end));
            seen.AddRange(page.Events);
            end = page.End;
            if (total is null && appendersDone.IsCompleted)
            {
                total = await database.ScalarAsync<long>("SELECT count(*) FROM events");
                deadline = DateTime.UtcNow.AddSeconds(15);
            }

            if (page.Events.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Read {seen.Count} of {total} events within 15 s of the appenders' end.");
                await Task.Delay(5);
            }
        }
    }

    private static async Task<(List<StoredEvent> Events, LogPosition End)> FollowAsync(PostgresEventStore log, LogPosition after, int pageSize, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var events = new List<StoredEvent>();
        var end = after;
        while (events.Count < expected)
        {
            var page = await log.ReadAllAsync(end, pageSize);
            events.AddRange(page.Events);
            end = page.End;
            if (page.Events.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Read {events.Count} of {expected} events within 15 s.");
                await Task.Delay(20);
            }
        }

        return (events, end);
    }

    /// <summary>The naive reader: global position order, checkpoint at the highest position seen.</summary>
    private static async Task<long> ReadByPositionAsync(PostgresDatabase database, long checkpoint, List<Guid> seen)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT event_id, global_position FROM events WHERE global_position > $1 ORDER BY global_position");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = checkpoint });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seen.Add(reader.GetGuid(0));
            checkpoint = reader.GetInt64(1);
        }

        return checkpoint;
    }

    private static async Task<long> PositionOfAsync(PostgresDatabase database, Guid eventId) =>
        await database.ScalarAsync<long>("SELECT global_position FROM events WHERE event_id = $1", eventId);

    private static async Task<List<Guid>> EventIdsInLogOrderAsync(PostgresDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT event_id FROM events ORDER BY transaction_id, global_position");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
