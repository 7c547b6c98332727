using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inventory.Domain.Tests.Projections;

/// <summary>Catch-up reads the global log after its generation's position and delivers each page to the shards of its
/// partitions, one call per shard, in log order; it stops at the log's end or after the pages a tick may read, and the
/// next run goes on from where it stopped.</summary>
public sealed class CatchUpTests
{
    private readonly StockLog _stock = new();
    private readonly RecordingShards _shards = new();
    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);

    [Fact]
    public async Task GivenEventsOfTwoWarehouses_WhenCaughtUp_ThenEachShardGetsItsOwnEventsInLogOrderAndTheCursorIsAtTheEnd()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1));
        await _stock.ApplyAsync("wh-2/pears", StockLog.Receive(3));
        await _stock.ApplyAsync("wh-1/plums", StockLog.Receive(2));
        var cursor = new GenerationCursor(1, LogPosition.Start);

        var result = await CatchUp(pageSize: 100).RunAsync(cursor, _partitions, maxPages: 10);

        Assert.Equal(new CatchUpResult(Delivered: 4, ReachedEnd: true, NewPartitions: true, ReadWhole: 4), result);
        Assert.Equal(["wh-1", "wh-2"], _partitions.Order(StringComparer.Ordinal));
        Assert.Equal(Ids(_stock.Log.Where(e => e.StreamId.StartsWith("wh-1/", StringComparison.Ordinal))), DeliveredTo("wh-1"));
        Assert.Equal(Ids(_stock.Log.Where(e => e.StreamId.StartsWith("wh-2/", StringComparison.Ordinal))), DeliveredTo("wh-2"));
        Assert.Equal(2, _shards.Deliveries.Count);
        Assert.Equal(new LogPosition(_stock.Log[^1].TransactionId, _stock.Log[^1].Position), cursor.Position);
        Assert.Equal(["wh-1", "wh-2"], cursor.Unflushed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenMorePagesThanARunMayRead_WhenCaughtUp_ThenItStopsShortOfTheEndAndTheNextRunGoesOnFromThere()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(1), StockLog.Receive(1), StockLog.Receive(1), StockLog.Receive(1), StockLog.Receive(1));
        var cursor = new GenerationCursor(1, LogPosition.Start);
        var catchUp = CatchUp(pageSize: 2);

        var first = await catchUp.RunAsync(cursor, _partitions, maxPages: 2);
        var second = await catchUp.RunAsync(cursor, _partitions, maxPages: 2);

        Assert.Equal(new CatchUpResult(Delivered: 4, ReachedEnd: false, NewPartitions: true, ReadWhole: 4), first);
        Assert.Equal(new CatchUpResult(Delivered: 1, ReachedEnd: true, NewPartitions: false, ReadWhole: 1), second);
        Assert.Equal(Ids(_stock.Log), DeliveredTo("wh-1"));
    }

    [Fact]
    public async Task GivenAGenerationAtTheLogsEnd_WhenCaughtUpAgain_ThenNothingIsDelivered()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(1));
        var cursor = new GenerationCursor(1, LogPosition.Start);
        var catchUp = CatchUp(pageSize: 100);
        await catchUp.RunAsync(cursor, _partitions, maxPages: 10);
        var end = cursor.Position;

        var again = await catchUp.RunAsync(cursor, _partitions, maxPages: 10);

        Assert.Equal(new CatchUpResult(Delivered: 0, ReachedEnd: true, NewPartitions: false), again);
        Assert.Single(_shards.Deliveries);
        Assert.Equal(end, cursor.Position);
    }

    [Fact]
    public async Task GivenAGenerationThatGetsLiveEvents_WhenCaughtUpByEntries_ThenEachShardGetsItsEntriesInLogOrderAndNoEventIsHandedWhole()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1));
        await _stock.ApplyAsync("wh-2/pears", StockLog.Receive(3));
        await _stock.ApplyAsync("wh-1/plums", StockLog.Receive(2));
        _shards.Lacking = _ => 0; // the live path brought everything
        var cursor = new GenerationCursor(1, LogPosition.Start);

        var result = await CatchUp(pageSize: 100).RunAsync(cursor, _partitions, maxPages: 10, byEntries: true);

        Assert.Equal(new CatchUpResult(Delivered: 4, ReachedEnd: true, NewPartitions: true), result);
        Assert.Empty(_shards.Deliveries);
        Assert.Equal(Positions(_stock.Log.Where(e => e.StreamId.StartsWith("wh-1/", StringComparison.Ordinal))), EntriesTo("wh-1"));
        Assert.Equal(Positions(_stock.Log.Where(e => e.StreamId.StartsWith("wh-2/", StringComparison.Ordinal))), EntriesTo("wh-2"));
        Assert.Equal(new LogPosition(_stock.Log[^1].TransactionId, _stock.Log[^1].Position), cursor.Position);
        Assert.Equal(["wh-1", "wh-2"], cursor.Unflushed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenShardsLackingMostOfAPage_WhenCaughtUpByEntries_ThenTheNextPagesAreReadWholeUntilTheShardsLackFewAgain()
    {
        for (var i = 0; i < 4; i++)
        {
            await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(1), StockLog.Receive(1));
        }

        var cursor = new GenerationCursor(1, LogPosition.Start);
        var catchUp = CatchUp(pageSize: 2);

        await catchUp.RunAsync(cursor, _partitions, maxPages: 1, byEntries: true); // lacks both: a backlog
        await catchUp.RunAsync(cursor, _partitions, maxPages: 1, byEntries: true); // read whole; the shard took both
        _shards.Lacking = _ => 0;
        _shards.ApplyAnswer = _ => 0; // the live path caught up: nothing in the page was new
        await catchUp.RunAsync(cursor, _partitions, maxPages: 1, byEntries: true); // still whole: the last page was all new
        await catchUp.RunAsync(cursor, _partitions, maxPages: 1, byEntries: true); // by entries again

        Assert.Equal([_stock.Log[0].Position, _stock.Log[1].Position, _stock.Log[6].Position, _stock.Log[7].Position], _shards.EntryDeliveries.SelectMany(d => d.Entries).Select(e => e.Position.Position));
        Assert.Equal(Ids(_stock.Log.Skip(2).Take(4)), DeliveredTo("wh-1"));
        Assert.Equal(new LogPosition(_stock.Log[^1].TransactionId, _stock.Log[^1].Position), cursor.Position);
    }

    [Fact]
    public async Task GivenShardsLackingTheEventsOfAShortPage_WhenCaughtUpByEntries_ThenTheNextPageIsStillReadByEntries()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(1)); // the log's head: the live path is on its way
        var cursor = new GenerationCursor(1, LogPosition.Start);
        var catchUp = CatchUp(pageSize: 2);
        await catchUp.RunAsync(cursor, _partitions, maxPages: 1, byEntries: true);
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(1), StockLog.Receive(1));

        await catchUp.RunAsync(cursor, _partitions, maxPages: 1, byEntries: true);

        Assert.Empty(_shards.Deliveries);
        Assert.Equal(Positions(_stock.Log), _shards.EntryDeliveries.SelectMany(d => d.Entries).Select(e => e.Position.Position));
    }

    [Fact]
    public async Task GivenAGenerationThatGetsNoLiveEvents_WhenCaughtUp_ThenItsPagesAreReadWhole()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5));
        var cursor = new GenerationCursor(1, LogPosition.Start);

        await CatchUp(pageSize: 100).RunAsync(cursor, _partitions, maxPages: 10, byEntries: false);

        Assert.Empty(_shards.EntryDeliveries);
        Assert.Equal(Ids(_stock.Log), DeliveredTo("wh-1"));
    }

    private List<long> EntriesTo(string partition) =>
        _shards.EntryDeliveries.Where(d => d.Partition == partition).SelectMany(d => d.Entries).Select(e => e.Position.Position).ToList();

    private static List<long> Positions(IEnumerable<EventEnvelope> events) => events.Select(e => e.Position).ToList();

    private CatchUp CatchUp(int pageSize) => new(_stock.Store, _shards, StandardProjections.Warehouses, pageSize, NullLogger.Instance);

    private List<Guid> DeliveredTo(string partition) =>
        Ids(_shards.Deliveries.Where(d => d.Partition == partition).SelectMany(d => d.Events));

    private static List<Guid> Ids(IEnumerable<EventEnvelope> events) => events.Select(e => e.EventId).ToList();
}
