using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Contract;

/// <summary>
/// The global log (<see cref="IEventLog"/>). Other tests of the class may have left events in the store (never
/// concurrently), so each test follows only its own streams and starts from the end of the log.
/// </summary>
public abstract partial class EventStoreContract
{
    protected IEventLog Log => Store as IEventLog ?? throw new InvalidOperationException("The store does not implement IEventLog.");

    [Fact]
    public async Task GivenAppendsToSeveralStreams_WhenReadingTheLog_ThenEventsComeInTransactionThenPositionOrder()
    {
        var start = await ReadLogEndAsync();
        var (a, b) = (NewStreamId(), NewStreamId());
        var first = NewEvents(a, 3);
        var second = NewEvents(b, 2);
        var third = NewEvent(a);
        var appended = new[]
        {
            await Store.AppendAsync(a, 0, first),
            await Store.AppendAsync(b, 0, second),
            await Store.AppendAsync(a, 3, [third]),
        };

        var (events, _) = await FollowLogAsync(start, 100, [a, b], 6);

        Assert.Equal([.. first.Select(e => e.EventId), .. second.Select(e => e.EventId), third.EventId], events.Select(e => e.EventId));
        Assert.Equal(appended.SelectMany(r => r.Positions), events.Select(e => e.GlobalPosition));
        var transactions = events.Select(e => e.TransactionId).ToArray();
        Assert.All(transactions, t => Assert.True(t > start.TransactionId));
        Assert.Single(transactions[..3].Distinct());
        Assert.Single(transactions[3..5].Distinct());
        Assert.True(transactions[0] < transactions[3] && transactions[3] < transactions[5], string.Join(", ", transactions));
        Assert.Equal([1, 2, 3, 1, 2, 4], events.Select(e => e.Version));
    }

    [Fact]
    public async Task GivenAnEventWithMetadata_WhenReadFromTheLog_ThenItComesWithoutTheMetadataWhichItsStreamStillHas()
    {
        var start = await ReadLogEndAsync();
        var streamId = NewStreamId();
        var appended = NewEvent(streamId);
        await Store.AppendAsync(streamId, 0, [appended]);

        var (events, _) = await FollowLogAsync(start, 100, [streamId], 1);

        var logged = Assert.Single(events);
        Assert.Equal(StoredEvent.NoMetadata, logged.Metadata);
        AssertSameJson(appended.Data, logged.Data);
        AssertStored(appended, Assert.Single(await ReadAllAsync(streamId)), streamId, 1);
    }

    [Fact]
    public async Task GivenAnEventWithAPrincipal_WhenReadFromTheLog_ThenItsMetadataKeepsOnlyThePrincipal()
    {
        var start = await ReadLogEndAsync();
        var streamId = NewStreamId();
        var appended = NewEvent(streamId) with { Metadata = """{"scannerId":"scanner-7","correlationId":"c-1","principal":"dock-key"}""" };
        await Store.AppendAsync(streamId, 0, [appended]);

        var (events, _) = await FollowLogAsync(start, 100, [streamId], 1);

        var logged = Assert.Single(events);
        AssertSameJson("""{"principal":"dock-key"}""", logged.Metadata);
        Assert.Equal("dock-key", StoredEvent.PrincipalOf(logged.Metadata));
        AssertStored(appended, Assert.Single(await ReadAllAsync(streamId)), streamId, 1);
    }

    [Fact]
    public async Task GivenNeighbouringEventsOfDifferentPrincipals_WhenReadFromTheLog_ThenEachKeepsItsOwn()
    {
        var start = await ReadLogEndAsync();
        var streamId = NewStreamId();
        string?[] principals = ["dock-key", "dock-key", "office-key", null, "dock-key"];
        var appended = NewEvents(streamId, principals.Length)
            .Select((e, i) => principals[i] is { } principal ? e with { Metadata = $$"""{"principal":"{{principal}}"}""" } : e).ToList();
        await Store.AppendAsync(streamId, 0, appended);

        var (events, _) = await FollowLogAsync(start, 100, [streamId], principals.Length);

        Assert.Equal(principals, events.Select(e => e.KnownPrincipal));
        Assert.Equal(principals, events.Select(e => StoredEvent.PrincipalOf(e.Metadata)));
    }

    [Fact]
    public async Task GivenStoredEvents_WhenReadAtTheirPositions_ThenEachIsFoundAndAPositionWithoutAnEventIsNot()
    {
        var streamId = NewStreamId();
        var appended = await Store.AppendAsync(streamId, 0, NewEvents(streamId, 3));

        var found = await Task.WhenAll(appended.Positions.Select(p => Log.ReadAtAsync(p)));

        Assert.Equal([1, 2, 3], found.Select(e => e!.Version));
        Assert.All(found, e => Assert.Equal(streamId, e!.StreamId));
        Assert.Equal(appended.Positions, found.Select(e => e!.GlobalPosition));
        Assert.Null(await Log.ReadAtAsync(appended.Positions[^1] + 1_000_000));
        Assert.Null(await Log.ReadAtAsync(0));
    }

    [Fact]
    public async Task GivenEightEvents_WhenReadingTheLogInPagesOfThree_ThenEachPageResumesAfterThePreviousEnd()
    {
        var start = await ReadLogEndAsync();
        var streamId = NewStreamId();
        var other = NewStreamId();
        await Store.AppendAsync(streamId, 0, NewEvents(streamId, 4));
        await Store.AppendAsync(other, 0, NewEvents(other, 1));
        await Store.AppendAsync(streamId, 4, [NewEvent(streamId), NewEvent(streamId), NewEvent(streamId)]);

        var (paged, pages) = await FollowLogAsync(start, 3, [streamId, other], 8);
        var (whole, _) = await FollowLogAsync(start, 100, [streamId, other], 8);

        Assert.Equal(whole.Select(e => e.EventId), paged.Select(e => e.EventId));
        Assert.Equal(8, paged.Select(e => e.EventId).Distinct().Count());
        Assert.All(pages, p => Assert.InRange(p.Events.Count, 0, 3));
        Assert.Contains(pages, p => p.Events.Count == 3);
    }

    [Fact]
    public async Task GivenEvents_WhenReadingTheLogsEntriesInPagesOfThree_ThenTheyAreItsEventsInTheSameOrderWithTheSamePageEnds()
    {
        var start = await ReadLogEndAsync();
        var (a, b) = (NewStreamId(), NewStreamId());
        await Store.AppendAsync(a, 0, NewEvents(a, 4));
        await Store.AppendAsync(b, 0, NewEvents(b, 2));
        await Store.AppendAsync(a, 4, [NewEvent(a)]);
        var (events, _) = await FollowLogAsync(start, 100, [a, b], 7);
        var last = events[^1].LogPosition;

        var entries = new List<LogEntry>();
        var end = start;
        while (end < last)
        {
            var page = await Log.ReadEntriesAsync(end, 3);
            var whole = await Log.ReadAllAsync(end, 3);
            Assert.InRange(page.Entries.Count, 1, 3);
            Assert.Equal(whole.End, page.End);
            Assert.Equal(whole.Events.Select(e => (e.StreamId, e.Version, e.LogPosition)), page.Entries.Select(e => (e.StreamId, e.Version, e.Position)));
            entries.AddRange(page.Entries.Where(e => e.StreamId == a || e.StreamId == b));
            end = page.End;
        }

        Assert.Equal(events.Select(e => (e.StreamId, e.Version, e.LogPosition)), entries.Select(e => (e.StreamId, e.Version, e.Position)));
        var none = await Log.ReadEntriesAsync(end, 0);
        Assert.Empty(none.Entries);
        Assert.Equal(end, none.End);
    }

    [Fact]
    public async Task GivenStoredEvents_WhenReadByPosition_ThenTheyComeAsTheLogGivesThemInPositionOrderLeavingOutPositionsWithoutAnEvent()
    {
        var start = await ReadLogEndAsync();
        var streamId = NewStreamId();
        var appended = NewEvents(streamId, 3).Select((e, i) => i == 1 ? e with { Metadata = """{"scannerId":"scanner-7","principal":"dock-key"}""" } : e).ToList();
        var positions = (await Store.AppendAsync(streamId, 0, appended)).Positions;
        var (logged, _) = await FollowLogAsync(start, 100, [streamId], 3);

        var read = await Log.ReadEventsAsync([positions[2], positions[1], positions[2] + 1_000_000, 0]);
        var none = await Log.ReadEventsAsync([]);

        Assert.Equal([positions[1], positions[2]], read.Select(e => e.GlobalPosition));
        Assert.Equal(logged[1..].Select(e => (e.EventId, e.StreamId, e.Version, e.LogPosition, e.Type, e.Metadata, e.KnownPrincipal)),
            read.Select(e => (e.EventId, e.StreamId, e.Version, e.LogPosition, e.Type, e.Metadata, e.KnownPrincipal)));
        Assert.Equal("dock-key", read[0].KnownPrincipal);
        AssertSameJson(appended[2].Data, read[1].Data);
        Assert.Empty(none);
    }

    [Fact]
    public async Task GivenEvents_WhenScanningTheLogInPagesOfThree_ThenThePagesAreThoseOfReadingItPageByPageAndTheLastIsShort()
    {
        var start = await ReadLogEndAsync();
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, NewEvents(streamId, 4));
        await Store.AppendAsync(streamId, 4, NewEvents(streamId, 3));
        var (events, _) = await FollowLogAsync(start, 100, [streamId], 7);

        var scanned = new List<LogPage>();
        await foreach (var page in Log.ScanAsync(start, 3))
        {
            scanned.Add(page);
        }

        Assert.All(scanned[..^1], p => Assert.Equal(3, p.Events.Count));
        Assert.InRange(scanned[^1].Events.Count, 0, 2);
        var after = start;
        foreach (var page in scanned)
        {
            var read = await Log.ReadAllAsync(after, 3);
            Assert.Equal(read.Events.Select(e => e.EventId), page.Events.Select(e => e.EventId));
            Assert.Equal(read.End, page.End);
            after = page.End;
        }

        Assert.Equal(events.Select(e => e.EventId), scanned.SelectMany(p => p.Events).Where(e => e.StreamId == streamId).Select(e => e.EventId));
    }

    [Fact]
    public async Task GivenReaderAtTheEnd_WhenReadingAgain_ThenThePageIsEmptyAndEndStaysWhereItWas()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, NewEvents(streamId, 2));
        var end = await ReadLogEndAsync();

        var again = await Log.ReadAllAsync(end, 10);
        var none = await Log.ReadAllAsync(LogPosition.Start, 0);
        var beyond = new LogPosition(end.TransactionId + 1_000_000, 1);
        var pastEverything = await Log.ReadAllAsync(beyond, 10);

        Assert.Empty(again.Events);
        Assert.Equal(end, again.End);
        Assert.Empty(none.Events);
        Assert.Equal(LogPosition.Start, none.End);
        Assert.Empty(pastEverything.Events);
        Assert.Equal(beyond, pastEverything.End);
    }

    [Fact]
    public async Task GivenEventsAfterAReader_WhenReadingTheHead_ThenItCountsThemUpToTheCapAndGivesTheOldestRecordedTime()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId, T0.AddMinutes(5))]);
        await Store.AppendAsync(streamId, 1, [NewEvent(streamId, T0.AddMinutes(3)), NewEvent(streamId, T0.AddMinutes(1))]);
        var last = await Store.AppendAsync(streamId, 3, [NewEvent(streamId, T0.AddMinutes(2))]);
        var stored = await ReadAllAsync(streamId);
        var reader = stored[0].LogPosition;

        var head = await Log.ReadHeadAsync(reader);
        var capped = await Log.ReadHeadAsync(reader, pendingCap: 1);
        var atTheEnd = await Log.ReadHeadAsync(stored[^1].LogPosition);
        var zeroCap = await Log.ReadHeadAsync(reader, pendingCap: 0);

        Assert.Equal(new LogHead(last.Positions[0], 3, T0.AddMinutes(1)), head);
        Assert.Equal(new LogHead(last.Positions[0], 1, T0.AddMinutes(3)), capped);
        Assert.Equal(new LogHead(last.Positions[0], 0, null), atTheEnd);
        Assert.Equal(new LogHead(last.Positions[0], 0, null), zeroCap);
    }

    [Fact]
    public async Task GivenAppendedEvents_WhenReadingTheStreamOrFindingAMovement_ThenTheyCarryTheirTransactionId()
    {
        var streamId = NewStreamId();
        var start = await ReadLogEndAsync();
        var events = NewEvents(streamId, 2);
        await Store.AppendAsync(streamId, 0, events);
        await Store.AppendAsync(streamId, 2, [NewEvent(streamId)]);

        var stored = await ReadAllAsync(streamId);
        var found = await Store.FindByMovementAsync(streamId, events[1].MovementId);
        var (logged, _) = await FollowLogAsync(start, 100, [streamId], 3);

        Assert.All(stored, e => Assert.NotEqual(0UL, e.TransactionId));
        Assert.Equal(stored[0].TransactionId, stored[1].TransactionId);
        Assert.True(stored[2].TransactionId > stored[1].TransactionId);
        Assert.Equal(stored[1].LogPosition, found?.LogPosition);
        Assert.Equal(logged.Select(e => e.LogPosition), stored.Select(e => e.LogPosition));
    }

    /// <summary>Pages from <see cref="LogPosition.Start"/> until the log answers an empty page; its end.</summary>
    protected async Task<LogPosition> ReadLogEndAsync()
    {
        var end = LogPosition.Start;
        while (true)
        {
            var page = await Log.ReadAllAsync(end, 1_000);
            if (page.Events.Count == 0)
            {
                return end;
            }

            end = page.End;
        }
    }

    /// <summary>
    /// Follows the log from <paramref name="after"/> in pages of <paramref name="pageSize"/> until
    /// <paramref name="expected"/> events of <paramref name="streamIds"/> were read (a store may hold events back while
    /// older transactions are in flight, so an empty page means: wait). Checks every page's order and end on the way.
    /// </summary>
    protected async Task<(List<StoredEvent> Events, List<LogPage> Pages)> FollowLogAsync(
        LogPosition after, int pageSize, IReadOnlyCollection<string> streamIds, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var events = new List<StoredEvent>();
        var pages = new List<LogPage>();
        var end = after;
        while (events.Count < expected)
        {
            var page = await Log.ReadAllAsync(end, pageSize);
            pages.Add(page);
            Assert.True(page.Events.Count <= pageSize, $"A page of {page.Events.Count} events for a page size of {pageSize}.");
            var previous = end;
            foreach (var e in page.Events)
            {
                Assert.True(e.LogPosition > previous, $"{e.LogPosition} does not follow {previous}.");
                previous = e.LogPosition;
            }

            Assert.Equal(previous, page.End);
            end = page.End;
            events.AddRange(page.Events.Where(e => streamIds.Contains(e.StreamId)));
            if (page.Events.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Read {events.Count} of {expected} events from the log within 15 s.");
                await Task.Delay(20);
            }
        }

        return (events, pages);
    }
}
