using Orleans.Dashboard;

namespace Inventory.Api.Hosting;

/// <summary>The Orleans Dashboard's services on the API (a cluster client; the silos run the dashboard's grains). They
/// are registered whether the API starts its own Orleans client or is given one (the tests), hence the builder over
/// the API's own service collection.</summary>
public static class ClusterDashboardServices
{
    public static IServiceCollection AddClusterDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        // HideTrace: the dashboard's log stream would show the API's own logs; operators read those where logs go.
        new ServiceCollectionClientBuilder(services, configuration).AddDashboard(o => o.HideTrace = true);
        return services;
    }

    private sealed class ServiceCollectionClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
