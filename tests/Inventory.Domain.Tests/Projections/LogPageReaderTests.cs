using Inventory.Contracts.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>The silo's shared reader of the global log: projections reading the same full page get it from one read of
/// the store, the same events (deserialized once); a page short of full is read again, since more may have come.</summary>
public sealed class LogPageReaderTests
{
    private readonly StockLog _stock = new();

    [Fact]
    public async Task GivenTwoProjectionsReadingTheSameFullPage_WhenRead_ThenTheStoreIsReadOnceForItAndTheyShareItsEvents()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1), StockLog.Pick(1));
        var log = new CountingEventLog(_stock.Store);
        var reader = new LogPageReader(log);

        var first = await reader.ReadAsync(LogPosition.Start, 2);
        var second = await reader.ReadAsync(LogPosition.Start, 2);
        var next = await reader.ReadAsync(first.End, 2);

        Assert.Equal(2, first.Read);
        Assert.Equal(first.Events, second.Events);
        Assert.All(first.Events.Zip(second.Events), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(_stock.Log.Select(e => e.EventId), first.Events.Concat(next.Events).Select(e => e.Envelope.EventId));
        Assert.Equal(3, log.EventsRead);
    }

    [Fact]
    public async Task GivenAPageShortOfFull_WhenMoreEventsCommitAndItIsReadAgain_ThenTheyAreInIt()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5));
        var reader = new LogPageReader(_stock.Store);
        var short1 = await reader.ReadAsync(LogPosition.Start, 10);

        await _stock.ApplyAsync("wh-1/apples", StockLog.Pick(1));
        var again = await reader.ReadAsync(LogPosition.Start, 10);

        Assert.Equal(1, short1.Read);
        Assert.Equal(_stock.Log.Select(e => e.EventId), again.Events.Select(e => e.Envelope.EventId));
    }

    [Fact]
    public async Task GivenAnEventWhosePayloadDoesNotDeserialize_WhenAskedForItsEvent_ThenItThrowsEachTime()
    {
        await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(5));
        var bad = ProjectedEvent.Of(_stock.Log[0] with { Data = "{\"quantity\": \"many\"}" });

        Assert.ThrowsAny<Exception>(() => bad.Event);
        Assert.ThrowsAny<Exception>(() => bad.Event);
        Assert.Equal(5, ProjectedEvent.Of(_stock.Log[0]).Event.OnHandAfter);
    }
}
