using Inventory.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>A <see cref="TestDatabase"/> with the schema applied by the real migrator.</summary>
public sealed class MigratedTestDatabase : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public string ConnectionString => _database.ConnectionString;

    public NpgsqlDataSource CreateDataSource() => _database.CreateDataSource();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var dataSource = _database.CreateDataSource();
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
