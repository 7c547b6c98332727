using Inventory.Hosting;

namespace Inventory.Silo;

/// <summary>The embedded default: a single silo on loopback that needs nothing else running.</summary>
public static class EmbeddedSiloExtensions
{
    public static ISiloBuilder UseInventoryEmbedded(this ISiloBuilder silo, InventorySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
        silo.UseInMemoryReminderService();
        return silo;
    }
}
