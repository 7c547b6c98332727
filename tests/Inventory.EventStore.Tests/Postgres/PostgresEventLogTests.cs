using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The global log on PostgreSQL beyond the contract: a fresh database per test.</summary>
public sealed class PostgresEventLogTests
{
    [Fact]
    public async Task GivenAnEmptyDatabase_WhenReadingTheLogAndItsHead_ThenThereIsNothingAndTheHeadIsZero()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore();

        var page = await store.ReadAllAsync(LogPosition.Start, 10);
        var head = await store.ReadHeadAsync(LogPosition.Start);

        Assert.Empty(page.Events);
        Assert.Equal(LogPosition.Start, page.End);
        Assert.Equal(new LogHead(0, 0, null), head);
    }

    [Fact]
    public async Task GivenAnAppend_WhenReadingIt_ThenItsTransactionIdIsPostgresFullTransactionId()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var streamId = $"xid/{Guid.NewGuid():N}";
        await store.AppendAsync(streamId, 0, [TestEvent.For(streamId)]);

        var stored = Assert.Single(await store.ReadStreamAsync(streamId, 0, 10));
        var asText = await database.ScalarAsync<string>("SELECT transaction_id::text FROM events WHERE stream_id = $1", streamId);

        Assert.Equal(asText, stored.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stored.TransactionId > 0);
    }
}
