using System.Data;
using System.Text.Json;
using Inventory.EventStore;
using Inventory.StockItems;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cli;

/// <summary>
/// Folds streams from their events (the silo's upcasters and <see cref="StockItem.Evolve"/>) and writes each one's snapshot
/// at its last version, in the silo's format (<see cref="StockItemStream.SnapshotData"/>) and with its upsert rule: a
/// snapshot the silo took meanwhile at a higher version stays. One pass over the events in (stream, version) order,
/// streamed; snapshots written in batches. A stream with an event that cannot be read gets no snapshot.
/// </summary>
public static class SnapshotRebuild
{
    private const int BatchSize = 500;

    private const string Upsert = """
        INSERT INTO snapshots (stream_id, version, type, schema_version, data, taken_at)
        SELECT u.stream_id, u.version, $4, $5, u.data, $6 FROM unnest($1::text[], $2::integer[], $3::jsonb[]) AS u(stream_id, version, data)
        ON CONFLICT (stream_id) DO UPDATE
            SET version = excluded.version, type = excluded.type, schema_version = excluded.schema_version, data = excluded.data, taken_at = excluded.taken_at
            WHERE excluded.version >= snapshots.version
        """;

    /// <summary>Rebuilds the snapshots of <paramref name="streams"/> (every stream when empty).</summary>
    public static async Task<(long Streams, long Written, IReadOnlyList<Discrepancy> Skipped)> RunAsync(NpgsqlDataSource dataSource,
        IReadOnlyList<string> streams, DateTimeOffset now, Action<long> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(progress);
        var pending = new List<(string Stream, int Version, string Data)>(BatchSize);
        var skipped = new List<Discrepancy>();
        long streamCount = 0, written = 0, events = 0;
        string? current = null;
        var (state, version, readable) = (StockItem.Empty, 0, true);

        async Task EndStreamAsync()
        {
            if (current is not null && readable)
            {
                pending.Add((current, version, StockItemStream.SnapshotData(state)));
                if (pending.Count == BatchSize)
                {
                    written += await WriteAsync(dataSource, pending, now, cancellationToken);
                }
            }
        }

        await using var command = dataSource.CreateCommand(
            "SELECT stream_id, version, type, schema_version, data::text FROM events"
            + (streams.Count > 0 ? " WHERE stream_id = ANY($1)" : "") + " ORDER BY stream_id, version");
        if (streams.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray() });
        }

        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stream = reader.GetString(0);
            if (stream != current)
            {
                await EndStreamAsync();
                (current, state, readable) = (stream, StockItem.Empty, true);
                streamCount++;
            }

            version = reader.GetInt32(1);
            var (type, schemaVersion, data) = (reader.GetString(2), reader.GetInt32(3), reader.GetString(4));
            if (readable)
            {
                try
                {
                    state = StockItem.Evolve(state, StockItemEventTypes.Serializer.Deserialize(type, schemaVersion, data));
                }
                catch (Exception ex) when (ex is JsonException or UnknownEventTypeException or KeyNotFoundException or NotSupportedException or FormatException)
                {
                    readable = false;
                    skipped.Add(new Discrepancy(stream, version, $"the event cannot be read ({ex.Message}): no snapshot written"));
                }
            }

            if (++events % 10_000 == 0)
            {
                progress(events);
            }
        }

        await EndStreamAsync();
        written += await WriteAsync(dataSource, pending, now, cancellationToken);
        progress(events);
        return (streamCount, written, skipped);
    }

    private static async Task<long> WriteAsync(NpgsqlDataSource dataSource, List<(string Stream, int Version, string Data)> pending, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. pending.Select(p => p.Stream)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. pending.Select(p => p.Version)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. pending.Select(p => p.Data)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StockItemStream.SnapshotType });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = StockItemStream.SnapshotSchemaVersion });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime });
        var written = await command.ExecuteNonQueryAsync(cancellationToken);
        pending.Clear();
        return written;
    }
}
