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
}
