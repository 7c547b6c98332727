using System.Data;
using System.Text.Json;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Orders;
using Inventory.StockItems;
using Inventory.Transfers;
using Npgsql;

namespace Inventory.Cli;

/// <summary>
/// The ledger audit, straight on PostgreSQL: every stream's versions run 1, 2, 3... without a gap; no movement id appears
/// twice in a stream; every event can be read (upcast) and its balances after equal the fold of the stream up to it; every
/// snapshot equals the fold at its version; a process manager's events (transfers, orders) can be read. One pass over the events in (stream, version) order, streamed: memory holds
/// one stream's movement ids and the snapshots' versions, not the ledger.
/// </summary>
public static class LedgerAudit
{
    public static async Task<AuditReport> RunAsync(NpgsqlDataSource dataSource, int maxReported, Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var snapshots = await ReadSnapshotsAsync(dataSource, cancellationToken);
        var found = new List<Discrepancy>();
        long count = 0, streams = 0, events = 0, snapshotsChecked = 0;
        void Report(string stream, int version, string problem)
        {
            if (count++ < maxReported)
            {
                found.Add(new Discrepancy(stream, version, problem));
            }
        }

        string? current = null;
        var expected = 0;
        var state = StockItem.Empty;
        var movements = new HashSet<Guid>();
        await using var command = dataSource.CreateCommand(
            "SELECT stream_id, version, movement_id, type, schema_version, data::text FROM events ORDER BY stream_id, version");
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stream = reader.GetString(0);
            var version = reader.GetInt32(1);
            if (stream != current)
            {
                (current, expected, state) = (stream, 1, StockItem.Empty);
                movements.Clear();
                streams++;
            }

            if (version != expected)
            {
                Report(stream, version, $"version {version} follows version {expected - 1}");
            }

            expected = version + 1;
            var movementId = reader.GetGuid(2); // sequential access: each column is read once, in order
            if (!movements.Add(movementId))
            {
                Report(stream, version, $"movement {movementId} appears twice in the stream");
            }

            if (!StockItemKey.TryParse(stream, out _))
            {
                // A process manager's own log (transfer:{id}): its events must read; its balances are the items'.
                try
                {
                    var (type, schemaVersion, data) = (reader.GetString(3), reader.GetInt32(4), reader.GetString(5));
                    _ = stream.StartsWith(TransferStream.Prefix, StringComparison.Ordinal) ? (object)TransferEventTypes.Serializer.Deserialize(type, schemaVersion, data)
                        : stream.StartsWith(OrderStream.Prefix, StringComparison.Ordinal) ? OrderEventTypes.Serializer.Deserialize(type, schemaVersion, data)
                        : throw new FormatException($"'{stream}' is neither a stock item's nor a process manager's stream");
                }
                catch (Exception ex) when (ex is JsonException or UnknownEventTypeException or KeyNotFoundException or NotSupportedException or FormatException)
                {
                    Report(stream, version, $"the event cannot be read: {ex.Message}");
                }

                if (++events % 10_000 == 0)
                {
                    progress?.Invoke(events);
                }

                continue;
            }

            try
            {
                var @event = StockItemEventTypes.Serializer.Deserialize(reader.GetString(3), reader.GetInt32(4), reader.GetString(5));
                state = StockItem.Evolve(state, @event);
                if ((state.OnHand, state.Reserved) != (@event.OnHandAfter, @event.ReservedAfter))
                {
                    Report(stream, version, $"the event says on hand {@event.OnHandAfter}, reserved {@event.ReservedAfter} after it; the fold gives {state.OnHand}, {state.Reserved}");
                }
            }
            catch (Exception ex) when (ex is JsonException or UnknownEventTypeException or KeyNotFoundException or NotSupportedException or FormatException)
            {
                Report(stream, version, $"the event cannot be read: {ex.Message}");
            }

            if (snapshots.TryGetValue(stream, out var snapshot) && snapshot.Version == version)
            {
                snapshots.Remove(stream);
                snapshotsChecked++;
                if (!snapshot.Item.Equals(state))
                {
                    Report(stream, version, "the snapshot differs from the fold at its version");
                }
            }

            if (++events % 10_000 == 0)
            {
                progress?.Invoke(events);
            }
        }

        foreach (var (stream, snapshot) in snapshots)
        {
            Report(stream, snapshot.Version, "a snapshot of a version the stream does not have");
        }

        foreach (var (stream, problem) in await TransferConservation.CheckAsync(dataSource, cancellationToken))
        {
            Report(stream, 0, problem);
        }

        progress?.Invoke(events);
        return new AuditReport(streams, events, snapshotsChecked, count, found);
    }

    private static async Task<Dictionary<string, (int Version, StockItem Item)>> ReadSnapshotsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var snapshots = new Dictionary<string, (int, StockItem)>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT stream_id, version, data::text FROM snapshots WHERE type = $1 AND schema_version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = StockItemStream.SnapshotType });
        command.Parameters.Add(new NpgsqlParameter { Value = StockItemStream.SnapshotSchemaVersion });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snapshots[reader.GetString(0)] = (reader.GetInt32(1), JsonSerializer.Deserialize<StockItem>(reader.GetString(2), EventSerializer<StockItemEvent>.JsonOptions));
        }

        return snapshots;
    }
}
