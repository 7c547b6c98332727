namespace Inventory.Silo;

/// <summary>Identity and endpoints of this silo; configuration section <c>Inventory</c>
/// (environment: <c>Inventory__SiloPort=11112</c>, ...).</summary>
public sealed class InventorySiloOptions
{
    public const string Section = "Inventory";

    /// <summary>Silos (and clients) with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "inventory";

    /// <summary>Stable across deployments: grain state is stored under it.</summary>
    public string ServiceId { get; set; } = "inventory";

    /// <summary>Silo-to-silo port. Give each silo on one host its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client-to-silo port. Give each silo on one host its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>HTTP port of the silo's management endpoints (<c>/health/live</c>, <c>/health/ready</c>) for an
    /// orchestrator's probes. Give each silo on one host its own.</summary>
    public int ManagementPort { get; set; } = 8081;

    /// <summary>The address the management endpoints listen on: loopback by default; <c>0.0.0.0</c> in a container whose
    /// orchestrator probes it from outside.</summary>
    public string ManagementAddress { get; set; } = "127.0.0.1";

    /// <summary>The address other silos and clients reach this silo at (PostgreSQL mode; the embedded mode is
    /// always loopback): an IP address, or <c>auto</c> (its own first non-loopback IPv4 address, for containers). The
    /// default suits several silos on one host; in Kubernetes the pod's IP is used.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}
