using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore.Postgres;
using Inventory.EventStore.Tests.Contract;
using Inventory.Projections;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The dead-letter contract against <see cref="PostgresDeadLetterStore"/>: one fresh database for the class.</summary>
public sealed class PostgresDeadLetterStoreTests(PostgresDatabaseFixture database) : DeadLetterStoreContract, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IDeadLetterStore> CreateStoreAsync() =>
        Task.FromResult<IDeadLetterStore>(new PostgresDeadLetterStore(database.Database.DataSource));
}
