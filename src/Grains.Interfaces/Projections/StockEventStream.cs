namespace Inventory.Contracts.Projections;

/// <summary>The live stream of confirmed stock item events: one stream per warehouse (key = warehouse id).</summary>
public static class StockEventStream
{
    /// <summary>The stream provider's name (memory streams by default; configuration may choose another provider).</summary>
    public const string ProviderName = "StockEvents";

    public const string Namespace = "stock-events";
}
