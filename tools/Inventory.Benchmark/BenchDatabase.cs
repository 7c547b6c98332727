using Npgsql;

namespace Inventory.Benchmark;

/// <summary>A fresh database on the benchmark's PostgreSQL server for one part of the run (the silos migrate it as they
/// start), dropped on dispose whatever connections are still open.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string server, string purpose)
    {
        var database = new BenchDatabase(server, $"inventory_bench_{purpose}_{Guid.NewGuid():N}"[..40]);
        await AdminAsync(server, $"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task AdminAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
