using Inventory.Contracts.Projections;
using Inventory.Projections;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// Whether every view is complete: every event committed before the check started is reflected in both views. The
/// replay of the event store per stream is its last event (version, on-hand after, reserved after); the warehouse
/// view and the SKU view must hold that item at that version (or a later one) and, at that version, the same numbers.
/// </summary>
internal sealed class ViewAudit(NpgsqlDataSource store, IGrainFactory grains, ItemSet items)
{
    private const int PageSize = 1000;

    public async Task<AuditResult> CheckAsync()
    {
        var heads = await ReadStoreAsync();
        try
        {
            var views = grains.GetGrain<IViewsGrain>(0);
            var warehouseLevels = await Task.WhenAll(items.Warehouses.Select(w => ReadWarehouseAsync(views, w)));
            var skuStocks = await Task.WhenAll(items.Skus.Select(views.GetSkuStockAsync));
            var inWarehouses = warehouseLevels.SelectMany(l => l).ToDictionary(l => $"{l.WarehouseId}/{l.Sku}", StringComparer.Ordinal);
            var inSkus = skuStocks.SelectMany(s => s.Warehouses).ToDictionary(l => $"{l.WarehouseId}/{l.Sku}", StringComparer.Ordinal);
            int warehousesBehind = 0, skusBehind = 0, mismatched = 0;
            foreach (var (stream, head) in heads)
            {
                warehousesBehind += Behind(inWarehouses.GetValueOrDefault(stream), head, ref mismatched) ? 1 : 0;
                skusBehind += Behind(inSkus.GetValueOrDefault(stream), head, ref mismatched) ? 1 : 0;
            }

            return new AuditResult(heads.Count, warehousesBehind, skusBehind, mismatched, null);
        }
        catch (Exception ex)
        {
            return new AuditResult(heads.Count, 0, 0, 0, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }
    }

    /// <summary>A level the view lacks is <c>default</c>, at version 0: behind any stream.</summary>
    private static bool Behind(StockLevel level, StreamHead head, ref int mismatched)
    {
        if (level.Version < head.Version)
        {
            return true;
        }

        if (level.Version == head.Version && (level.OnHand != head.OnHand || level.Reserved != head.Reserved))
        {
            mismatched++;
        }

        return false;
    }

    private static async Task<List<StockLevel>> ReadWarehouseAsync(IViewsGrain views, string warehouse)
    {
        var levels = new List<StockLevel>();
        string? after = null;
        do
        {
            var page = await views.GetWarehouseStockAsync(warehouse, after, PageSize);
            levels.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return levels;
    }

    private async Task<Dictionary<string, StreamHead>> ReadStoreAsync()
    {
        await using var command = store.CreateCommand("""
            SELECT DISTINCT ON (stream_id) stream_id, version, (data->>'onHandAfter')::bigint, (data->>'reservedAfter')::bigint
            FROM events ORDER BY stream_id, version DESC
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            heads[reader.GetString(0)] = new StreamHead(reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return heads;
    }
}
