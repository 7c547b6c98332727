using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>The views as the grains serve them, through <see cref="IViewsGrain"/> (what the API reads), written out
/// like <see cref="StoreReplay"/> writes the replayed ones.</summary>
public static class ServedViews
{
    private const int PageSize = 7; // small, so that paging is exercised too

    public static async Task<ViewSnapshot> ReadAsync(IViewsGrain views, IReadOnlyList<string> warehouses, IReadOnlyList<string> skus, TimeSpan callTimeout)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(warehouses);
        ArgumentNullException.ThrowIfNull(skus);
        var overview = await views.GetOverviewAsync().WaitAsync(callTimeout);
        var lines = new List<string>();
        foreach (var warehouse in warehouses)
        {
            var items = new List<StockLevel>();
            WarehouseStockPage page;
            string? after = null;
            do
            {
                page = await views.GetWarehouseStockAsync(warehouse, after, PageSize).WaitAsync(callTimeout);
                items.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);

            lines.AddRange(items.Select(i => ViewLines.Item(warehouse, i.Sku, i.OnHand, i.Reserved, i.ReorderPoint, i.Version, i.Position)));
            lines.Add(ViewLines.WarehouseTotals(warehouse, page.Totals));
            lines.Add(ViewLines.LowStock(warehouse, (await views.GetLowStockAsync(warehouse).WaitAsync(callTimeout)).Select(l => l.Sku)));
            lines.Add(ViewLines.Movements(warehouse, overview.ByWarehouse.SingleOrDefault(w => w.WarehouseId == warehouse)?.Movements ?? -1));
            var recent = await views.GetRecentMovementsAsync(warehouse).WaitAsync(callTimeout);
            lines.AddRange(recent.Select((r, n) => ViewLines.Recent(warehouse, n, r.EventId, r.Sku, r.Version, r.OnHandAfter, r.ReservedAfter)));
        }

        foreach (var sku in skus)
        {
            var stock = await views.GetSkuStockAsync(sku).WaitAsync(callTimeout);
            lines.AddRange(stock.Warehouses.Select(l => ViewLines.SkuAt(sku, l.WarehouseId, l.OnHand, l.Reserved, l.ReorderPoint, l.Version, l.Position)));
            lines.Add(ViewLines.SkuTotals(sku, stock.Totals));
        }

        lines.Add(ViewLines.Overview(overview.Warehouses, overview.Skus, overview.Totals, overview.Movements));
        return new ViewSnapshot(lines);
    }
}
