using Inventory.EventStore.Postgres;
using Npgsql;

namespace Inventory.Cli;

/// <summary>One migration as the database and this build see it.</summary>
public sealed record MigrationStatus(int Version, string Name, string State, DateTimeOffset? AppliedAt)
{
    public const string Applied = "applied";
    public const string Pending = "pending";

    /// <summary>Applied, but its file in this build differs from what was applied.</summary>
    public const string Changed = "changed";

    /// <summary>Applied, but this build has no such migration (a newer build migrated the database).</summary>
    public const string Unknown = "unknown";

    public bool IsSound => State is Applied;

    /// <summary>Every migration of this build and every one the database recorded, by version.</summary>
    public static async Task<IReadOnlyList<MigrationStatus>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string Name, string Checksum, DateTimeOffset At)>();
        await using (var exists = dataSource.CreateCommand("SELECT to_regclass('schema_migrations') IS NOT NULL"))
        {
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                await using var read = dataSource.CreateCommand("SELECT version, name, checksum, applied_at FROM schema_migrations");
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
                }
            }
        }

        var known = SchemaMigrator.Embedded.Select(m => applied.TryGetValue(m.Version, out var a)
            ? new MigrationStatus(m.Version, m.Name, a.Checksum == m.Checksum ? Applied : Changed, a.At)
            : new MigrationStatus(m.Version, m.Name, Pending, null));
        var unknown = applied.Where(a => SchemaMigrator.Embedded.All(m => m.Version != a.Key))
            .Select(a => new MigrationStatus(a.Key, a.Value.Name, Unknown, a.Value.At));
        return [.. known.Concat(unknown).OrderBy(m => m.Version)];
    }
}
