using System.Data.Common;
using Inventory.Contracts.Projections;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Projections;

/// <summary>The <see cref="IDeadLetterStore"/> on PostgreSQL (table <c>dead_letters</c> of migration 0003). Timestamps
/// are kept to the microsecond; error text to <see cref="DeadLetterError.MaxLength"/> characters.</summary>
public sealed class PostgresDeadLetterStore(NpgsqlDataSource dataSource) : IDeadLetterStore
{
    private const string Columns =
        "id, projection, partition, event_id, stream_id, version, position, event_type, error, attempts, parked_at, redriven_at";

    public async Task<DeadLetter> ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentOutOfRangeException.ThrowIfLessThan(letter.Attempts, 1);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO dead_letters (projection, partition, event_id, stream_id, version, position, event_type, error, attempts, parked_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (projection, event_id) DO UPDATE
                SET attempts = dead_letters.attempts + excluded.attempts,
                    error = excluded.error,
                    parked_at = excluded.parked_at,
                    redriven_at = NULL
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.Projection });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.Partition });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = letter.EventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.StreamId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.Version });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = letter.Position });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.EventType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = DeadLetterError.Truncate(letter.Error) });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.Attempts });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = letter.ParkedAt.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadLetter(reader);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? projection, bool openOnly, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM dead_letters
            WHERE id > $1 AND ($2::text IS NULL OR projection = $2) AND (NOT $3 OR redriven_at IS NULL)
            ORDER BY id
            LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)projection ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = openOnly });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(ReadLetter(reader));
        }

        return letters;
    }

    public async Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM dead_letters WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadLetter(reader) : null;
    }

    public async Task<bool> MarkRedrivenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE dead_letters SET redriven_at = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT projection, count(*) FROM dead_letters WHERE redriven_at IS NULL GROUP BY projection");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static DeadLetter ReadLetter(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetGuid(3),
        reader.GetString(4),
        reader.GetInt32(5),
        reader.GetInt64(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetInt32(9),
        reader.GetFieldValue<DateTimeOffset>(10),
        reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
}
