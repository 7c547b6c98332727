using Inventory.Contracts.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.EventStore.Postgres;

/// <summary>One round trip for a batch of requests, each for a different stream, in one transaction; a second one only
/// when some request cannot go in as it is. Answers one <see cref="AppendResult"/> per request, in order.</summary>
/// <remarks>
/// The common case (every request at its stream's head, with new movements) is a plain INSERT of all the batch's rows,
/// prepared once per connection: no PL/pgSQL, no subtransaction. Its first CTE checks that every stream has its expected
/// version already (no gaps); if one has not, nothing goes in. A retried movement or a stale expected version meets a
/// unique index instead, and the statement, which commits on its own, rolls back whole. Either way the batch then goes to
/// <c>append_events_resolving</c> (migrations 0004 and 0007), which answers every request on its own: the answers are
/// the same as that function's alone. The SQL function <c>append_events</c> (migration 0004: the same fast path inside a
/// subtransaction) stays for silos of earlier versions; this path costs the server about a quarter less per row
/// (<c>docs/benchmarks.md</c>).
/// </remarks>
internal static class AppendEventsStatement
{
    private const string FastSql = """
        WITH gap AS (
            SELECT 1 FROM unnest($10::text[], $11::integer[]) AS h(stream_id, version)
            WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = h.stream_id AND e.version = h.version)
            LIMIT 1)
        INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
        SELECT r.stream_id, r.version, r.event_id, r.movement_id, r.type, r.schema_version, r.data, r.metadata, r.recorded_at
        FROM unnest($1::text[], $2::integer[], $3::uuid[], $4::uuid[], $5::text[], $6::integer[], $7::jsonb[], $8::jsonb[], $9::timestamptz[])
             AS r(stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
        WHERE NOT EXISTS (SELECT 1 FROM gap)
        ORDER BY r.stream_id COLLATE "C", r.version
        RETURNING stream_id, version, global_position
        """;

    private const string ResolvingSql =
        "SELECT request, status, positions, duplicate_movement_id FROM append_events_resolving($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    private const string UniqueViolation = "23505";

    /// <summary>Blocks the calling thread (a writer's own) until the batch has committed or failed.</summary>
    public static AppendResult[] Execute(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch) => Execute(connection, batch, out _);

    /// <summary>As <see cref="Execute(NpgsqlConnection, IReadOnlyList{AppendRequest})"/>; <paramref name="resolved"/>
    /// tells whether the batch went to the resolving function. Outside a transaction only: each statement commits on its own.</summary>
    internal static AppendResult[] Execute(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch, out bool resolved)
    {
        var rows = AppendRows.Of(batch);
        resolved = false;
        try
        {
            if (TryFast(connection, batch, rows) is { } appended)
            {
                return appended;
            }
        }
        catch (PostgresException conflict) when (conflict.SqlState == UniqueViolation)
        {
            // Nothing of the batch stayed; the resolving function answers each request.
        }

        resolved = true;
        return Resolve(connection, batch, rows);
    }

    /// <summary>The batch's answers when all of its rows went in; null when nothing did (a stream without its expected
    /// version). The reader is read to the end and disposed before anyone is answered, so that a failed commit surfaces
    /// here as an exception instead of as an acknowledged append.</summary>
    private static AppendResult[]? TryFast(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch, AppendRows rows)
    {
        var request = new Dictionary<string, int>(batch.Count, StringComparer.Ordinal);
        var positions = new long[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
        {
            request.Add(batch[i].StreamId, i);
            positions[i] = new long[batch[i].Events.Count];
        }

        var inserted = 0;
        using (var command = new NpgsqlCommand(FastSql, connection))
        {
            rows.AddColumns(command, withRequest: false);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.HeadStreamId, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = rows.HeadVersion });

            // Prepared once per physical connection (a writer keeps its own), then reused: the server no longer parses
            // and plans the statement for every batch.
            command.Prepare();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var index = request[reader.GetString(0)];
                positions[index][reader.GetInt32(1) - batch[index].ExpectedVersion - 1] = reader.GetInt64(2);
                inserted++;
            }
        }

        if (inserted == 0)
        {
            return null;
        }

        if (inserted != rows.Count)
        {
            throw new InvalidOperationException($"The append statement stored {inserted} of a batch's {rows.Count} events.");
        }

        return [.. positions.Select(p => new AppendResult(AppendStatus.Appended, p))];
    }

    private static AppendResult[] Resolve(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch, AppendRows rows)
    {
        var results = new AppendResult?[batch.Count];
        using (var command = new NpgsqlCommand(ResolvingSql, connection))
        {
            rows.AddColumns(command, withRequest: true);
            command.Prepare();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                results[reader.GetInt32(0)] = ToResult(reader.GetString(1), reader.GetFieldValue<long[]>(2), reader.IsDBNull(3) ? null : reader.GetGuid(3));
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is null)
            {
                throw new InvalidOperationException($"append_events_resolving returned no result for the append to {batch[i].StreamId}.");
            }
        }

        return results!;
    }

    private static AppendResult ToResult(string status, long[] positions, Guid? duplicateMovementId) => status switch
    {
        "appended" => new AppendResult(AppendStatus.Appended, positions),
        "already_appended" => new AppendResult(AppendStatus.AlreadyAppended, positions),
        "duplicate_movement" => AppendResult.Duplicate(duplicateMovementId ?? throw new InvalidOperationException("append_events reported a duplicate movement without its id.")),
        "version_conflict" => AppendResult.Conflict,
        _ => throw new InvalidOperationException($"append_events returned the unknown status '{status}'."),
    };
}
