using System.Net;
using Inventory.Hosting;
using Orleans.Configuration;

namespace Inventory.Silo;

/// <summary>The embedded default: a single silo on loopback (its silo and gateway ports listen on 127.0.0.1 only) that
/// needs nothing else running.</summary>
public static class EmbeddedSiloExtensions
{
    public static ISiloBuilder UseInventoryEmbedded(this ISiloBuilder silo, InventorySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);

        // Orleans listens where it advertises, loopback here; said explicitly so that nothing else can widen it.
        silo.Configure<EndpointOptions>(endpoint =>
        {
            endpoint.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, options.SiloPort);
            endpoint.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, options.GatewayPort);
        });
        silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
        silo.UseInMemoryReminderService();
        return silo;
    }
}
