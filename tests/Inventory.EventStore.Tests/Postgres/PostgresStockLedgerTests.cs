using Inventory.EventStore.Tests.Contract;
using Inventory.AsOf;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The stock ledger contract against <see cref="PostgresStockLedger"/>: one fresh database for the class.</summary>
public sealed class PostgresStockLedgerTests(PostgresDatabaseFixture database) : StockLedgerContract, IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task GivenTheMigratedSchema_ThenStreamIdsCompareInByteOrder() =>
        Assert.Equal("C", await database.Database.ScalarAsync<string>(
            "SELECT collation_name FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'stream_id'"));

    protected override Task<(IEventStore Store, IStockLedger Ledger)> CreateAsync() =>
        Task.FromResult<(IEventStore, IStockLedger)>((database.Database.CreateStore(), new PostgresStockLedger(database.Database.DataSource)));
}
