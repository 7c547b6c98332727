using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cli;

/// <summary>
/// Restores an export (<see cref="EventLine"/>, NDJSON in position order) into a store that is empty or holds a prefix of
/// it (an import cut short, or repeated). Two passes over the file, constant memory:
/// 1. check: every line parses, positions increase, and the store's rows, in position order, are the file's first rows
///    (same position, event id, stream and version); otherwise nothing is written and the reason comes back;
/// 2. write the rest with binary COPY (positions kept), a transaction per batch, so transaction ids follow positions and
///    an interruption leaves a prefix; then the identity continues after the highest position.
/// No silo may write to the store meanwhile.
/// </summary>
public static class EventImport
{
    private const string Copy = "COPY events (global_position, stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at) "
        + "FROM STDIN (FORMAT BINARY)";

    public static async Task<ImportResult> RunAsync(NpgsqlDataSource dataSource, string path, int batchSize, ProgressDisplay progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (fileEvents, present, last, refusal) = await CheckAsync(dataSource, path, progress, cancellationToken);
        if (refusal is not null)
        {
            return ImportResult.Refused(refusal);
        }

        progress.Describe("import: writing");
        var imported = await WriteAsync(dataSource, path, present, batchSize, progress, cancellationToken);
        await using (var sequence = dataSource.CreateCommand(
            "SELECT setval(pg_get_serial_sequence('events', 'global_position'), max(global_position)) FROM events HAVING max(global_position) IS NOT NULL"))
        {
            await sequence.ExecuteNonQueryAsync(cancellationToken);
        }

        return new ImportResult(fileEvents, present, imported, last, null);
    }

    private static async Task<(long FileEvents, long Present, long Last, string? Refusal)> CheckAsync(NpgsqlDataSource dataSource, string path,
        ProgressDisplay progress, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT global_position, event_id, stream_id, version FROM events ORDER BY global_position");
        command.CommandTimeout = 0;
        await using var store = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        var storeHasRow = await store.ReadAsync(cancellationToken);
        long count = 0, present = 0, last = 0;
        await using var file = ImportFile.Open(path);
        try
        {
            await foreach (var (line, e) in ImportFile.ReadAsync(file, cancellationToken))
            {
                if (e.Position <= last)
                {
                    return (0, 0, 0, $"line {line}: position {e.Position} does not follow position {last}; an export is in position order.");
                }

                if (storeHasRow)
                {
                    var (position, eventId, streamId, version) = (store.GetInt64(0), store.GetGuid(1), store.GetString(2), store.GetInt32(3));
                    if ((position, eventId, streamId, version) != (e.Position, e.EventId, e.StreamId, e.Version))
                    {
                        return (0, 0, 0, $"the store's event at position {position} ({streamId} v{version}, event {eventId}) is not line {line} of the file "
                            + $"(position {e.Position}, {e.StreamId} v{e.Version}, event {e.EventId}): import only into an empty store or one holding the "
                            + "beginning of this very file.");
                    }

                    present++;
                    storeHasRow = await store.ReadAsync(cancellationToken);
                }

                (count, last) = (count + 1, e.Position);
                if (count % 1000 == 0)
                {
                    progress.Report(file.Position, file.Length);
                }
            }
        }
        catch (FormatException ex)
        {
            return (0, 0, 0, ex.Message);
        }

        if (storeHasRow)
        {
            return (0, 0, 0, $"the store holds events after the file's last (from position {store.GetInt64(0)}): import only into an empty store "
                + "or one holding the beginning of this very file.");
        }

        return (count, present, last, null);
    }

    private static async Task<long> WriteAsync(NpgsqlDataSource dataSource, string path, long skip, int batchSize, ProgressDisplay progress,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var file = ImportFile.Open(path);
        NpgsqlTransaction? transaction = null;
        NpgsqlBinaryImporter? importer = null;
        long seen = 0, written = 0;
        var inBatch = 0;
        try
        {
            await foreach (var (_, e) in ImportFile.ReadAsync(file, cancellationToken))
            {
                if (++seen <= skip)
                {
                    continue;
                }

                if (importer is null)
                {
                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
                }

                await WriteRowAsync(importer, e, cancellationToken);
                written++;
                if (++inBatch == batchSize)
                {
                    await CommitAsync(importer, transaction!, cancellationToken);
                    (importer, transaction, inBatch) = (null, null, 0);
                    progress.Report(file.Position, file.Length);
                }
            }

            if (importer is not null)
            {
                await CommitAsync(importer, transaction!, cancellationToken);
                (importer, transaction) = (null, null);
            }

            progress.Report(file.Length, file.Length);
            return written;
        }
        finally
        {
            // A batch cut short: the importer's disposal cancels its COPY, the transaction's rolls it back.
            if (importer is not null)
            {
                await importer.DisposeAsync();
            }

            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, ExportedEvent e, CancellationToken cancellationToken)
    {
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(e.Position, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(e.StreamId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(e.Version, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(e.EventId, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(e.MovementId, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(e.Type, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(e.SchemaVersion, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(e.Data, NpgsqlDbType.Jsonb, cancellationToken);
        await importer.WriteAsync(e.Metadata, NpgsqlDbType.Jsonb, cancellationToken);
        await importer.WriteAsync(e.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
    }

    private static async Task CommitAsync(NpgsqlBinaryImporter importer, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await importer.CompleteAsync(cancellationToken);
        await importer.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
    }
}
