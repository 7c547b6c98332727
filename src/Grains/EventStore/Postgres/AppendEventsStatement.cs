using Inventory.Contracts.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.EventStore.Postgres;

/// <summary>One round trip: the SQL function <c>append_events</c> (migration 0001) for a batch of requests,
/// each for a different stream, in one transaction. Answers one <see cref="AppendResult"/> per request, in order.</summary>
internal static class AppendEventsStatement
{
    private const string Sql =
        "SELECT request, status, positions, duplicate_movement_id FROM append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    /// <summary>Blocks the calling thread (a writer's own) until the batch has committed or failed.</summary>
    public static AppendResult[] Execute(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch)
    {
        var results = new AppendResult?[batch.Count];

        // The statement commits on its own (implicit transaction) after sending its rows. The reader is read to
        // the end and disposed before anyone is answered, so that a failed commit surfaces here as an exception
        // instead of as an acknowledged append.
        using (var command = CreateCommand(connection, batch))
        {
            // Prepared once per physical connection (a writer keeps its own), then reused: the server no longer
            // parses and plans the call for every batch.
            command.Prepare();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Read(reader, results);
            }
        }

        return Complete(batch, results);
    }

    private static NpgsqlCommand CreateCommand(NpgsqlConnection connection, IReadOnlyList<AppendRequest> batch)
    {
        var total = batch.Sum(r => r.Events.Count);
        var request = new int[total];
        var streamId = new string[total];
        var version = new int[total];
        var eventId = new Guid[total];
        var movementId = new Guid[total];
        var type = new string[total];
        var schemaVersion = new int[total];
        var data = new string[total];
        var metadata = new string[total];
        var recordedAt = new DateTime[total];
        var row = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            for (var j = 0; j < append.Events.Count; j++, row++)
            {
                var e = append.Events[j];
                request[row] = i;
                streamId[row] = append.StreamId;
                version[row] = append.ExpectedVersion + j + 1;
                eventId[row] = e.EventId;
                movementId[row] = e.MovementId;
                type[row] = e.Type;
                schemaVersion[row] = e.SchemaVersion;
                data[row] = e.Data;
                metadata[row] = e.Metadata;
                recordedAt[row] = e.RecordedAt.UtcDateTime;
            }
        }

        var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = request });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = movementId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = type, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = schemaVersion });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = recordedAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        return command;
    }

    private static void Read(NpgsqlDataReader reader, AppendResult?[] results) =>
        results[reader.GetInt32(0)] = ToResult(reader.GetString(1), reader.GetFieldValue<long[]>(2), reader.IsDBNull(3) ? null : reader.GetGuid(3));

    private static AppendResult[] Complete(IReadOnlyList<AppendRequest> batch, AppendResult?[] results)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is null)
            {
                throw new InvalidOperationException($"append_events returned no result for the append to {batch[i].StreamId}.");
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
