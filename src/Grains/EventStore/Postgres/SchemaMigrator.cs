using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Inventory.Contracts.EventStore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inventory.EventStore.Postgres;

/// <summary>
/// Applies the versioned SQL files of <c>EventStore/Migrations</c> (the event store's tables) and
/// <c>Hosting/Migrations</c> (Orleans' ADO.NET tables) (embedded, named <c>NNNN_name.sql</c>) in
/// order, each once, in one transaction under an advisory lock: safe when several silos start at once, and a
/// no-op when the schema is current. A file changed after it was applied stops the start-up (checksum).
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const string ResourcePrefix = "Inventory.Migrations.";

    /// <summary>Arbitrary, fixed: the advisory lock key that serializes migrators across processes.</summary>
    private const long LockKey = 0x1A7E_0001;

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer     PRIMARY KEY,
                name        text        NOT NULL,
                checksum    text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new Dictionary<int, string>();
        await using (var read = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var count = 0;
        foreach (var migration in Embedded)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Version} '{migration.Name}' was changed after it was applied. Add a new migration instead.");
                }

                continue;
            }

            LogApplying(logger, migration.Version, migration.Name);
            await Execute(connection, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection)
            {
                Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name }, new() { Value = migration.Checksum } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        LogDone(logger, count, Embedded.Count);
        return count;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName[..underscore], out var version))
            {
                throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_name.sql.");
            }

            var sql = Read(assembly, resource);
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            migrations.Add(new Migration(version, Path.GetFileNameWithoutExtension(fileName[(underscore + 1)..]), sql, checksum));
        }

        var duplicates = migrations.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Duplicate migration versions: {string.Join(", ", duplicates)}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema migration {Version} {Name}")]
    private static partial void LogApplying(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema is current: applied {Applied} of {Total} migrations")]
    private static partial void LogDone(ILogger logger, int applied, int total);

    /// <summary>One versioned SQL file.</summary>
    public sealed record Migration(int Version, string Name, string Sql, string Checksum);
}
