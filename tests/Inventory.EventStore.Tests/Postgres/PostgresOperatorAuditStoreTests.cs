using Inventory.Audit;
using Inventory.EventStore.Tests.Contract;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The operator audit contract against <see cref="PostgresOperatorAuditStore"/>: one fresh database for the class.</summary>
public sealed class PostgresOperatorAuditStoreTests(PostgresDatabaseFixture database) : OperatorAuditStoreContract, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IOperatorAuditStore> CreateStoreAsync() =>
        Task.FromResult<IOperatorAuditStore>(new PostgresOperatorAuditStore(database.Database.DataSource));
}
