using Inventory.EventStore;
using Npgsql;

namespace Inventory.Cli;

/// <summary>
/// Every row of a database's ledger checked against the registered schemas (<see cref="EventSchemaRegistry"/>): each
/// event's data against its stored type and schema version, its metadata, each snapshot. <c>inventory schemas check</c>
/// runs it on a cluster's database; the tests run it on every test database before it is dropped, so every event a silo
/// wrote to PostgreSQL in the tests is checked. Streamed: memory holds the violations found (at most
/// <c>maxReported</c>), not the ledger.
/// </summary>
public static class LedgerSchemaAudit
{
    /// <summary>The rows checked and what did not match; nothing when the database has no event store tables.</summary>
    public static async Task<LedgerSchemaReport> RunAsync(string connectionString, int maxReported = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var registry = EventSchemaRegistry.Embedded;
        // No pooling: the database is dropped right after.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var probe = new NpgsqlCommand("SELECT to_regclass('events') IS NOT NULL AND to_regclass('snapshots') IS NOT NULL", connection))
        {
            if (await probe.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return new LedgerSchemaReport(0, 0, 0, []);
            }
        }

        var violations = new List<string>();
        long found = 0;
        void Report(string violation)
        {
            if (found++ < maxReported)
            {
                violations.Add(violation);
            }
        }

        long events = 0;
        await using (var command = new NpgsqlCommand(
            "SELECT stream_id, version, type, schema_version, data::text, metadata::text FROM events ORDER BY global_position", connection) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                events++;
                var validation = registry.Validate(reader.GetString(2), reader.GetInt32(3), reader.GetString(4))
                    .And(registry.ValidateMetadata(reader.GetString(5)));
                if (!validation.IsValid)
                {
                    Report($"events {reader.GetString(0)} v{reader.GetInt32(1)}: {validation}");
                }
            }
        }

        long snapshots = 0;
        await using (var command = new NpgsqlCommand("SELECT stream_id, version, type, schema_version, data::text FROM snapshots ORDER BY stream_id", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                snapshots++;
                var validation = registry.Validate(reader.GetString(2), reader.GetInt32(3), reader.GetString(4));
                if (!validation.IsValid)
                {
                    Report($"snapshots {reader.GetString(0)} at v{reader.GetInt32(1)}: {validation}");
                }
            }
        }

        return new LedgerSchemaReport(events, snapshots, found, violations);
    }
}
