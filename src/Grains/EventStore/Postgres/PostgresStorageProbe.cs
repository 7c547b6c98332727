using Inventory.Contracts.EventStore;
using Inventory.Contracts.Health;
using Inventory.Health;
using Npgsql;

namespace Inventory.EventStore.Postgres;

/// <summary>Reachable when a pooled connection of the silo's data source answers <c>SELECT 1</c> in time.</summary>
public sealed class PostgresStorageProbe(NpgsqlDataSource dataSource) : IStorageProbe
{
    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return new StorageHealth(true, "PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or IOException)
        {
            return new StorageHealth(false, $"PostgreSQL does not answer ({ex.GetType().Name}).");
        }
    }
}
