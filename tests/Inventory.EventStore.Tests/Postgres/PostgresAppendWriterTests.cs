using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inventory.Contracts.EventStore;
using Inventory.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The store's writer loop, made deterministic with one writer held back by a <see cref="WriterBlocker"/>.</summary>
public sealed class PostgresAppendWriterTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabase _database = fixture.Database;

    [Fact]
    public async Task GivenAppendsQueuedWhileTheWriterIsBusy_WhenItFreesUp_ThenTheyCommitInBatchesOfAtMostMaxBatchSizeAndOneStreamStaysInOrder()
    {
        var batchSizes = new ConcurrentBag<int>();
        var batchMillis = new ConcurrentBag<double>();
        var queuedMillis = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PostgresEventStore.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => batchSizes.Add(value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            (instrument.Name == "inventory.eventstore.append.queued" ? queuedMillis : batchMillis).Add(value));
        listener.Start();
        await using var store = _database.CreateStore(new PostgresEventStoreOptions { Writers = 1, MaxBatchSize = 10 });
        var blocked = NewStreamId();
        var sameStream = NewStreamId();
        var streams = Enumerable.Range(0, 25).Select(_ => NewStreamId()).ToArray();
        await using var blocker = await WriterBlocker.HoldAsync(_database, blocked);
        var inFlight = store.AppendAsync(blocked, 0, [TestEvent.For(blocked)]);
        await blocker.WaitUntilAWriterWaitsAsync();

        var queued = streams.Select(s => store.AppendAsync(s, 0, [TestEvent.For(s)])).ToList();
        var sameStreamFirst = store.AppendAsync(sameStream, 0, [TestEvent.For(sameStream)]);
        var sameStreamSecond = store.AppendAsync(sameStream, 1, [TestEvent.For(sameStream)]);
        await Task.Delay(100);
        await blocker.ReleaseAsync();

        Assert.Equal(AppendStatus.Appended, (await inFlight).Status);
        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(AppendStatus.Appended, r.Status));
        Assert.Equal(AppendStatus.Appended, (await sameStreamFirst).Status);
        Assert.Equal(AppendStatus.Appended, (await sameStreamSecond).Status);
        var transactions = await _database.ScalarAsync<long>("SELECT count(DISTINCT transaction_id) FROM events WHERE stream_id = ANY ($1)", (object)streams);
        Assert.Equal(3, transactions);

        // The store's metrics saw the full batches (other tests' stores may add their own measurements).
        Assert.Contains(10, batchSizes);
        Assert.True(batchMillis.Count(ms => ms > 0) >= 4, $"{batchMillis.Count} batch durations recorded");

        // The 27 appends queued behind the held writer waited about as long as it was held (100 ms; timers may be a
        // millisecond early).
        Assert.True(queuedMillis.Count(ms => ms >= 95) >= 27, $"queue waits: {string.Join(", ", queuedMillis.Order())}");
    }

    [Fact]
    public async Task GivenAnAppendTheServerRefuses_WhenItIsBatchedWithOthers_ThenOnlyItFails()
    {
        await using var store = _database.CreateStore(new PostgresEventStoreOptions { Writers = 1 });
        var blocked = NewStreamId();
        var good = Enumerable.Range(0, 10).Select(_ => NewStreamId()).ToArray();
        var bad = NewStreamId();
        await using var blocker = await WriterBlocker.HoldAsync(_database, blocked);
        var inFlight = store.AppendAsync(blocked, 0, [TestEvent.For(blocked)]);
        await blocker.WaitUntilAWriterWaitsAsync();

        var before = good[..5].Select(s => store.AppendAsync(s, 0, [TestEvent.For(s)])).ToList();
        var refused = store.AppendAsync(bad, 0, [TestEvent.For(bad, data: "not json")]);
        var after = good[5..].Select(s => store.AppendAsync(s, 0, [TestEvent.For(s)])).ToList();
        await blocker.ReleaseAsync();

        await inFlight;
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused);
        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, error.SqlState);
        Assert.All(await Task.WhenAll(before.Concat(after)), r => Assert.Equal(AppendStatus.Appended, r.Status));
        Assert.Empty(await store.ReadStreamAsync(bad, 0, 10));
    }

    [Fact]
    public async Task GivenABatchInFlightAndAppendsQueued_WhenTheStoreIsDisposed_ThenTheBatchCompletesAndTheQueuedAppendsFail()
    {
        var store = _database.CreateStore(new PostgresEventStoreOptions { Writers = 1 });
        var blocked = NewStreamId();
        await using var blocker = await WriterBlocker.HoldAsync(_database, blocked);
        var inFlight = store.AppendAsync(blocked, 0, [TestEvent.For(blocked)]);
        await blocker.WaitUntilAWriterWaitsAsync();
        var queuedStream = NewStreamId();
        var queued = store.AppendAsync(queuedStream, 0, [TestEvent.For(queuedStream)]);

        var disposing = store.DisposeAsync().AsTask();
        await blocker.ReleaseAsync();
        await disposing;

        Assert.Equal(AppendStatus.Appended, (await inFlight).Status);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(queuedStream, 0, [TestEvent.For(queuedStream)]));
        Assert.Empty(await ReadAsync(queuedStream));
    }

    [Fact]
    public async Task GivenTwoStoresOnOneDatabase_WhenTheirWritersRaceForTheSameStreams_ThenEveryEventIsStoredOnceWithoutGaps()
    {
        await using var first = _database.CreateStore(new PostgresEventStoreOptions { Writers = 2 });
        await using var second = _database.CreateStore(new PostgresEventStoreOptions { Writers = 2 });
        var streams = Enumerable.Range(0, 6).Select(_ => NewStreamId()).ToArray();
        var work = streams.SelectMany(s => Enumerable.Range(0, 30).Select(i => (StreamId: s, Event: TestEvent.For(s), Store: i % 2 == 0 ? first : second))).ToArray();
        var conflicts = 0;

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 48 }, async (item, cancellationToken) =>
        {
            while (true)
            {
                var version = (await item.Store.ReadStreamAsync(item.StreamId, 0, 1000, cancellationToken)).Count;
                var result = await item.Store.AppendAsync(item.StreamId, version, [item.Event], cancellationToken);
                if (result.Status == AppendStatus.Appended)
                {
                    return;
                }

                Assert.Equal(AppendStatus.VersionConflict, result.Status);
                Interlocked.Increment(ref conflicts);
            }
        });

        Assert.True(conflicts > 0, "The writers never raced; the test proves nothing.");
        foreach (var streamId in streams)
        {
            var stored = await first.ReadStreamAsync(streamId, 0, 1000);
            Assert.Equal(Enumerable.Range(1, 30), stored.Select(e => e.Version));
            Assert.Equal(work.Where(w => w.StreamId == streamId).Select(w => w.Event.EventId).Order(), stored.Select(e => e.EventId).Order());
        }
    }

    [Fact]
    public async Task GivenAServerThatCannotBeReached_WhenAppending_ThenTheCallerGetsTheConnectionError()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=3");
        await using var store = new PostgresEventStore(unreachable, Options.Create(new PostgresEventStoreOptions()), NullLogger<PostgresEventStore>.Instance);
        var streamId = NewStreamId();

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.AppendAsync(streamId, 0, [TestEvent.For(streamId)]));

        Assert.True(error.IsTransient, $"Expected a connection-level error, got {error}.");
    }

    [Fact]
    public async Task GivenEveryOtherPooledConnectionHeldByReaders_WhenAppending_ThenTheWriterDoesNotWaitForOne()
    {
        await using var smallPool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 2, Timeout = 3 }.ConnectionString);
        await using var store = new PostgresEventStore(smallPool, Options.Create(new PostgresEventStoreOptions { Writers = 1 }), NullLogger<PostgresEventStore>.Instance);
        var first = NewStreamId();
        Assert.Equal(AppendStatus.Appended, (await store.AppendAsync(first, 0, [TestEvent.For(first)])).Status);
        await using var reader = await smallPool.OpenConnectionAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await smallPool.OpenConnectionAsync());

        var second = NewStreamId();
        var appended = await store.AppendAsync(second, 0, [TestEvent.For(second)]);

        Assert.Equal(AppendStatus.Appended, appended.Status);
        Assert.Single(await ReadAsync(second));
    }

    [Fact]
    public async Task GivenTheWritersConnectionKilledOnTheServer_WhenAppendingAgain_ThenTheWriterReconnectsAndTheAppendIsStoredOnce()
    {
        var applicationName = $"writer-test-{Guid.NewGuid():N}";
        await using var own = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { ApplicationName = applicationName }.ConnectionString);
        await using var store = new PostgresEventStore(own, Options.Create(new PostgresEventStoreOptions { Writers = 1 }), NullLogger<PostgresEventStore>.Instance);
        var streamId = NewStreamId();
        Assert.Equal(AppendStatus.Appended, (await store.AppendAsync(streamId, 0, [TestEvent.For(streamId)])).Status);

        var killed = await _database.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) AS k", applicationName);
        var next = TestEvent.For(streamId);
        var appended = await store.AppendAsync(streamId, 1, [next]);

        Assert.Equal(1, killed);
        Assert.Equal(AppendStatus.Appended, appended.Status);
        var stored = await ReadAsync(streamId);
        Assert.Equal([1, 2], stored.Select(e => e.Version));
        Assert.Equal(next.EventId, stored[1].EventId);
    }

    private static string NewStreamId() => $"writer/{Guid.NewGuid():N}";

    private async Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId)
    {
        await using var reader = _database.CreateStore();
        return await reader.ReadStreamAsync(streamId, 0, 10);
    }
}
