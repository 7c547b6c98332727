using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inventory.Domain.Tests.Projections;

/// <summary>Catch-up behind the live path: events the live path reported delivered are passed by their positions, not read
/// again; the shard that took them is written at the next checkpoint like any other, and when it lost them (another
/// activation answers) the cursor goes back to its checkpoint and reads everything after it again.</summary>
public sealed class CatchUpLiveDeliveryTests
{
    private readonly StockLog _stock = new();
    private readonly RecordingShards _shards = new();
    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingEventLog _log;

    public CatchUpLiveDeliveryTests() => _log = new CountingEventLog(_stock.Store);

    [Fact]
    public async Task GivenEventsTheLivePathDelivered_WhenCaughtUp_ThenOnlyTheOthersAreReadAndDeliveredAndTheCursorPassesThemAll()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1));
        await _stock.ApplyAsync("wh-2/pears", StockLog.Receive(3));
        await _stock.ApplyAsync("wh-1/plums", StockLog.Receive(2));
        var apples = _stock.Log.Where(e => e.StreamId == "wh-1/apples").ToList();
        var cursor = new GenerationCursor(1, LogPosition.Start);
        cursor.LiveDelivered("wh-1", _shards.ActivationOf(1, "wh-1"), [.. apples.Select(e => e.Position)], _time.GetUtcNow());

        var result = await CatchUp().RunAsync(cursor, _partitions, maxPages: 10);

        Assert.Equal(new CatchUpResult(Delivered: 4, ReachedEnd: true, NewPartitions: true), result);
        Assert.Equal(2, _log.EventsRead);
        Assert.Equal(0, _log.PageReads);
        Assert.Equal(Ids(_stock.Log.Except(apples)), _shards.Deliveries.SelectMany(d => d.Events).Select(e => e.EventId).Order());
        Assert.Equal(new LogPosition(_stock.Log[^1].TransactionId, _stock.Log[^1].Position), cursor.Position);
        Assert.Equal(0, cursor.LiveDeliveredCount);
        Assert.False(cursor.MustRewind);
        Assert.Equal(["wh-1", "wh-2"], cursor.Unflushed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenNoLiveDeliveries_WhenCaughtUp_ThenThePageIsReadWhole()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1));
        var cursor = new GenerationCursor(1, LogPosition.Start);

        await CatchUp().RunAsync(cursor, _partitions, maxPages: 10);

        Assert.Equal(0, _log.PositionReads);
        Assert.Equal(2, _log.EventsRead);
        Assert.Equal(Ids(_stock.Log), _shards.Deliveries.SelectMany(d => d.Events).Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task GivenAShardThatLostWhatTheLivePathDelivered_WhenTheCheckpointFindsAnotherActivation_ThenTheCursorGoesBackAndCatchUpDeliversThoseEvents()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1));
        await _stock.ApplyAsync("wh-2/pears", StockLog.Receive(3));
        var apples = _stock.Log.Where(e => e.StreamId == "wh-1/apples").ToList();
        var cursor = new GenerationCursor(1, LogPosition.Start);
        cursor.LiveDelivered("wh-1", _shards.ActivationOf(1, "wh-1"), [.. apples.Select(e => e.Position)], _time.GetUtcNow());
        var catchUp = CatchUp();
        await catchUp.RunAsync(cursor, _partitions, maxPages: 10);
        Assert.DoesNotContain(_shards.Deliveries, d => d.Partition == "wh-1");

        _shards.Reactivate(1, "wh-1");
        await new CheckpointWriter(_shards, new ProjectionOptions(), _time, "warehouses", NullLogger.Instance).NowAsync([cursor]);
        var again = await catchUp.RunAsync(cursor, _partitions, maxPages: 10);

        Assert.Equal(LogPosition.Start, cursor.Stored);
        Assert.Equal(3, again.Delivered);
        Assert.Equal(Ids(apples), _shards.Deliveries.Where(d => d.Partition == "wh-1").SelectMany(d => d.Events).Select(e => e.EventId).Order());
        Assert.Equal(new LogPosition(_stock.Log[^1].TransactionId, _stock.Log[^1].Position), cursor.Position);
    }

    [Fact]
    public async Task GivenLiveDeliveriesCatchUpPassedBeforeTheyWereReported_WhenTheyAreOlderThanTheLimit_ThenTheyAreForgotten()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5));
        var cursor = new GenerationCursor(1, LogPosition.Start);
        await CatchUp().RunAsync(cursor, _partitions, maxPages: 10);
        cursor.LiveDelivered("wh-1", _shards.ActivationOf(1, "wh-1"), [_stock.Log[0].Position], _time.GetUtcNow());

        cursor.ForgetLiveDelivered(_time.GetUtcNow());
        var kept = cursor.LiveDeliveredCount;
        cursor.ForgetLiveDelivered(_time.GetUtcNow().AddTicks(1));

        Assert.Equal(1, kept);
        Assert.Equal(0, cursor.LiveDeliveredCount);
    }

    private CatchUp CatchUp() => new(new LogPageReader(_log), _shards, StandardProjections.Warehouses, 100, 100, NullLogger.Instance);

    private static List<Guid> Ids(IEnumerable<EventEnvelope> events) => [.. events.Select(e => e.EventId).Order()];
}
