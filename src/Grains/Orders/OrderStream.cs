namespace Inventory.Orders;

/// <summary>The stream of an order's own log: <c>order:{orderId}</c> (the colon keeps it apart from stock items'
/// <c>{warehouseId}/{sku}</c>; ids never contain one, and the projections follow item streams only).</summary>
public static class OrderStream
{
    public const string Prefix = "order:";

    public static string Id(string orderId) => Prefix + orderId;
}
