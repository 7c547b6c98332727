namespace Inventory.Transfers;

/// <summary>The stream of a transfer's own log: <c>transfer:{transferId}</c> (the colon keeps it apart from stock
/// items' <c>{warehouseId}/{sku}</c>; ids never contain one).</summary>
public static class TransferStream
{
    public const string Prefix = "transfer:";

    public static string Id(string transferId) => Prefix + transferId;
}
