using Inventory.Cli;
using Npgsql;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>A fresh database on <see cref="TestPostgres"/>, created for one test class (as its class fixture)
/// and dropped after it, whatever connections are still open. Before it is dropped, every row of its ledger is checked
/// against the registered schemas (<see cref="LedgerSchemaAudit"/>): disposing fails, after the drop, if one did not match.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string Name { get; } = $"inventory_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async Task InitializeAsync()
    {
        var server = TestPostgres.ServerConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
        await AdminAsync(server, $"CREATE DATABASE {Name}");
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            return;
        }

        var audit = await LedgerSchemaAudit.RunAsync(ConnectionString);
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(TestPostgres.ServerConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        if (audit.Violations.Count > 0)
        {
            throw new InvalidDataException($"The ledger of test database {Name}: {audit}");
        }
    }

    private static async Task AdminAsync(string server, string sql)
    {
        // Pooling off: the admin connection must not linger on (or be taken from) any database.
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
