using Inventory.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inventory.Integration.Tests.Schema;

internal static class SchemaMigratorFactory
{
    public static SchemaMigrator Create(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<SchemaMigrator>.Instance);

    public static async Task<List<int>> AppliedVersionsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
