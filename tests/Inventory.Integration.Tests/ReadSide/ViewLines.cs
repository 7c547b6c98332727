using System.Globalization;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>The one way both sides of a comparison write a view line (see <see cref="ViewSnapshot"/>).</summary>
public static class ViewLines
{
    public static string Item(string warehouse, string sku, long onHand, long reserved, int reorderPoint, int version, long position) =>
        Invariant($"warehouse {warehouse} item {sku}: on hand {onHand}, reserved {reserved}, reorder point {reorderPoint}, version {version}, position {position}");

    public static string WarehouseTotals(string warehouse, StockTotals totals) => $"warehouse {warehouse} totals {Totals(totals)}";

    public static string LowStock(string warehouse, IEnumerable<string> skus) => $"warehouse {warehouse} low stock [{string.Join(",", skus)}]";

    public static string Movements(string warehouse, long count) => Invariant($"warehouse {warehouse} movements {count}");

    public static string Recent(string warehouse, int index, Guid eventId, string sku, int version, long onHand, long reserved) =>
        Invariant($"warehouse {warehouse} recent {index:000}: event {eventId} {sku}@{version}, on hand {onHand}, reserved {reserved}");

    public static string SkuAt(string sku, string warehouse, long onHand, long reserved, int reorderPoint, int version, long position) =>
        Invariant($"sku {sku} at {warehouse}: on hand {onHand}, reserved {reserved}, reorder point {reorderPoint}, version {version}, position {position}");

    public static string SkuTotals(string sku, StockTotals totals) => $"sku {sku} totals {Totals(totals)}";

    public static string Overview(int warehouses, int skus, StockTotals totals, long movements) =>
        Invariant($"overview: {warehouses} warehouses, {skus} skus, totals {Totals(totals)}, movements {movements}");

    private static string Totals(StockTotals t) =>
        Invariant($"items {t.Items}, on hand {t.OnHand}, reserved {t.Reserved}, available {t.Available}, low {t.LowStock}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
