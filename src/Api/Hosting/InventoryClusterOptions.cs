namespace Inventory.Api.Hosting;

/// <summary>The cluster this API is a client of; the silo's section <c>Inventory</c> (same ids, same gateway port).</summary>
public sealed class InventoryClusterOptions
{
    public const string Section = "Inventory";

    /// <summary>Must equal the silos' cluster id.</summary>
    public string ClusterId { get; set; } = "inventory";

    /// <summary>Must equal the silos' service id.</summary>
    public string ServiceId { get; set; } = "inventory";

    /// <summary>The silo's gateway port (embedded mode: localhost clustering).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long the API waits for a grain's answer before it answers 503 <c>cluster-unavailable</c>: also how long
    /// a call in flight to a silo that was killed waits. Longer than the silos' own bound on the event store
    /// (<c>Inventory:StockItems:CommitTimeout</c>, 5 s), so that a slow store is answered as <c>storage-unavailable</c> by
    /// the silo first.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(8);
}
