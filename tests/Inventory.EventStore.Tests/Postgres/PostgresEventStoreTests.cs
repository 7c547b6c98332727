using Inventory.Contracts.EventStore;
using Inventory.EventStore.Tests.Contract;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The contract against <see cref="Inventory.EventStore.Postgres.PostgresEventStore"/> on a real server:
/// one fresh database for the class, a new store (with its own writer loops) per test.</summary>
public sealed class PostgresEventStoreTests(PostgresDatabaseFixture database) : EventStoreContract, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(database.Database.CreateStore());
}
