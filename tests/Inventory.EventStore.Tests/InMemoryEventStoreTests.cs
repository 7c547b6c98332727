using Inventory.Contracts.EventStore;
using Inventory.EventStore.Tests.Contract;

namespace Inventory.EventStore.Tests;

/// <summary>The contract against the embedded in-memory store: a new store per test.</summary>
public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(new InMemoryEventStore());

    [Fact]
    public async Task GivenAnEmptyStore_WhenReadingTheLogAndItsHead_ThenThereIsNothingAndTheHeadIsZero()
    {
        var page = await Log.ReadAllAsync(LogPosition.Start, 10);
        var head = await Log.ReadHeadAsync(LogPosition.Start);

        Assert.Empty(page.Events);
        Assert.Equal(LogPosition.Start, page.End);
        Assert.Equal(new LogHead(0, 0, null), head);
    }

    [Fact]
    public async Task GivenAppends_WhenReadingTheLog_ThenEachAppendIsOneTransactionNumberedFromOne()
    {
        var (a, b) = (NewStreamId(), NewStreamId());
        await Store.AppendAsync(a, 0, NewEvents(a, 2));
        await Store.AppendAsync(b, 0, NewEvents(b, 1));

        var page = await Log.ReadAllAsync(LogPosition.Start, 10);

        Assert.Equal([new(1, 1), new(1, 2), new LogPosition(2, 3)], page.Events.Select(e => e.LogPosition));
    }
}
