using Inventory.StockItems;
using Inventory.Transfers;
using Npgsql;

namespace Inventory.Cli;

/// <summary>
/// The transfers' invariant (ADR 0003), straight on the ledger: for every transfer and SKU, received + returned never
/// exceeds dispatched at any point of the log (running sums of the items' transfer events in log order), and a
/// transfer whose own log has ended has nothing left in transit. Both are plain SQL over the items' events.
/// </summary>
public static class TransferConservation
{
    /// <summary>Per (transfer, SKU): the lowest running in-transit quantity, and what is left at the end.</summary>
    public const string Sql = $"""
        WITH moves AS (
            SELECT data->>'transferId' AS transfer_id, split_part(stream_id, '/', 2) AS sku, global_position,
                   CASE type WHEN '{StockItemEventTypes.TransferDispatched}' THEN (data->>'quantity')::bigint
                             ELSE -(data->>'quantity')::bigint END AS delta
            FROM events
            WHERE type IN ('{StockItemEventTypes.TransferDispatched}', '{StockItemEventTypes.TransferReceived}', '{StockItemEventTypes.TransferReturned}')
        ), running AS (
            SELECT transfer_id, sku, sum(delta) OVER (PARTITION BY transfer_id, sku ORDER BY global_position) AS in_transit, delta
            FROM moves
        )
        SELECT r.transfer_id, r.sku, min(r.in_transit) AS lowest, sum(r.delta) AS left_in_transit
        FROM running r
        GROUP BY r.transfer_id, r.sku
        HAVING min(r.in_transit) < 0
            OR (sum(r.delta) <> 0 AND EXISTS (SELECT 1 FROM events e WHERE e.stream_id = '{TransferStream.Prefix}' || r.transfer_id
                  AND e.type IN ('{TransferEventTypes.Completed}', '{TransferEventTypes.Cancelled}', '{TransferEventTypes.Failed}')))
        ORDER BY 1, 2
        """;

    public static async Task<IReadOnlyList<(string Stream, string Problem)>> CheckAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var found = new List<(string, string)>();
        await using var command = dataSource.CreateCommand(Sql);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (transfer, sku, lowest, left) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
            found.Add((TransferStream.Id(transfer), lowest < 0
                ? $"SKU {sku}: received + returned exceeded dispatched by {-lowest} in the ledger"
                : $"SKU {sku}: the transfer ended with {left} still in transit in the ledger"));
        }

        return found;
    }
}
