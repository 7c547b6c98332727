using Inventory.Contracts.EventStore;
using Inventory.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>A fresh database on the test server (<see cref="Variable"/>), dropped on dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "INVENTORY_TEST_POSTGRES";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>A superuser connection to an existing server. Missing: the PostgreSQL tests fail, they never skip.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests cannot run. Run ./build/test.sh, which starts a throwaway "
                + $"PostgreSQL and sets it; or set {Variable} to a superuser connection string, e.g. "
                + "\"Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres\".");

    /// <summary>Creates an empty database; with <paramref name="migrate"/>, applies the schema migrations.</summary>
    public static async Task<PostgresDatabase> CreateAsync(bool migrate = true)
    {
        var admin = AdminConnectionString;
        var name = $"inventory_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        if (migrate)
        {
            await database.CreateMigrator().MigrateAsync();
        }

        return database;
    }

    public SchemaMigrator CreateMigrator() => new(DataSource, NullLogger<SchemaMigrator>.Instance);

    public PostgresEventStore CreateStore(PostgresEventStoreOptions? options = null) =>
        new(DataSource, Options.Create(options ?? new PostgresEventStoreOptions()), NullLogger<PostgresEventStore>.Instance);

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
