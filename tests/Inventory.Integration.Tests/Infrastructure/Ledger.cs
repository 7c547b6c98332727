using Inventory.Contracts.EventStore;
using Inventory.EventStore;
using Npgsql;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>The event store's table read straight from PostgreSQL, bypassing every grain: what really is stored.</summary>
public static class Ledger
{
    /// <summary>Every stored event whose stream id starts with <paramref name="streamPrefix"/>.</summary>
    public static async Task<List<StoredEvent>> ReadAsync(string connectionString, string streamPrefix)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT stream_id, version, global_position, event_id, movement_id, type, schema_version, data::text, metadata::text, recorded_at " +
            "FROM events WHERE starts_with(stream_id, $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streamPrefix });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(new StoredEvent(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetGuid(4),
                reader.GetString(5), reader.GetInt32(6), reader.GetString(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return events;
    }
}
