using Npgsql;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>A fresh database on <see cref="TestPostgres"/>, created for one test class (as its class fixture)
/// and dropped after it, whatever connections are still open.</summary>
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

        NpgsqlConnection.ClearAllPools();
        await AdminAsync(TestPostgres.ServerConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
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
