using Inventory.ClusterSecurity;
using Orleans.Configuration;

namespace Inventory.Api.Hosting;

/// <summary>The API's Orleans client: localhost clustering on the silo's gateway port (embedded), or ADO.NET
/// clustering on PostgreSQL; the same cluster and service ids as the silos.</summary>
public static partial class OrleansClientExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    public static WebApplicationBuilder AddInventoryOrleansClient(this WebApplicationBuilder builder, ApiMode mode, string? connectionString)
    {
        var cluster = builder.Configuration.GetSection(InventoryClusterOptions.Section).Get<InventoryClusterOptions>() ?? new();
        var tls = builder.Configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new();
        builder.UseOrleansClient(client =>
        {
            if (mode == ApiMode.Postgres)
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                });
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }

            // The silos' own settings (Inventory:Cluster:Tls): with TLS on, the gateways serve only a trusted certificate.
            client.UseInventoryTls(tls);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            client.AddOutgoingGrainCallFilter<RetrySafeCallFilter>();
            client.AddActivityPropagation();

            // The silo may start after the API (build/run.sh starts both at once): keep trying. Requests meanwhile
            // get 503 and /health/ready says not ready.
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });

        // Let Kestrel listen (health, docs) while the client is still connecting.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }
}
