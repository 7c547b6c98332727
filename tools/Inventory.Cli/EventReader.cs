using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;

namespace Inventory.Cli;

/// <summary>The events table read in position order, streamed row by row (sequential access; memory holds one row).</summary>
public static class EventReader
{
    public const string Columns = "global_position, stream_id, version, event_id, movement_id, type, schema_version, data::text, metadata::text, recorded_at";

    public static async IAsyncEnumerable<ExportedEvent> ReadAsync(NpgsqlDataSource dataSource, ExportFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events{filter.Where(command)} ORDER BY global_position";
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <summary>The current row of a reader of <see cref="Columns"/> (each column read once, in order).</summary>
    public static ExportedEvent Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ExportedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetGuid(3), reader.GetGuid(4), reader.GetString(5),
            reader.GetInt32(6), reader.GetString(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9));
    }

    /// <summary>The lowest and highest position in the filter's position range (for a progress bar), (0, 0) when empty.</summary>
    public static async Task<(long First, long Last)> RangeAsync(NpgsqlDataSource dataSource, ExportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand();
        command.CommandText = $"SELECT coalesce(min(global_position), 0), coalesce(max(global_position), 0) FROM events{filter.Where(command, positionsOnly: true)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
