using Inventory.ClusterSecurity;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;
using Inventory.EventStore.Postgres;
using Inventory.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Inventory.Silo;

/// <summary>Composition of the silo process: the mode follows from configuration, see <see cref="SiloMode"/>.</summary>
public static partial class SiloHostingExtensions
{
    /// <summary>The connection string name (<c>ConnectionStrings:Inventory</c>, env <c>ConnectionStrings__Inventory</c>).</summary>
    public const string ConnectionStringName = "Inventory";

    /// <summary>Set by the pod spec (deploy/kubernetes/silo.yaml): the silo runs in Kubernetes.</summary>
    public const string KubernetesPodName = "POD_NAME";

    public static TBuilder AddInventorySilo<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<InventorySiloOptions>().BindConfiguration(InventorySiloOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InventorySiloOptions>, InventorySiloOptionsValidator>();

        // Orleans is composed now, so read the same section here; the registration above validates it before start.
        var options = builder.Configuration.GetSection(InventorySiloOptions.Section).Get<InventorySiloOptions>() ?? new();
        var tls = builder.Configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var mode = string.IsNullOrWhiteSpace(connectionString) ? SiloMode.Embedded : SiloMode.Postgres;
        builder.Services.AddSingleton(new SiloModeInfo(mode));

        if (mode == SiloMode.Postgres)
        {
            // Npgsql logs every command at Information: the membership heartbeat alone would flood the log.
            builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
            builder.Services.AddInventoryPostgres(connectionString!);
        }

        builder.UseOrleans(silo =>
        {
            silo.AddInventoryGrains();
            silo.AddDashboard();
            if (mode == SiloMode.Postgres)
            {
                silo.UseInventoryPostgres(options);
                if (!string.IsNullOrEmpty(builder.Configuration[KubernetesPodName]))
                {
                    // In a pod: Orleans' Kubernetes hosting takes the pod's IP and labels, and deletes the pod of a silo the
                    // cluster declared dead so that Kubernetes replaces it (deploy/kubernetes).
                    silo.UseKubernetesHosting();
                }
            }
            else
            {
                silo.UseInventoryEmbedded(options);
            }

            // Off unless Inventory:Cluster:Tls:CertificatePath is set; then only holders of a trusted certificate join or call.
            silo.UseInventoryTls(tls);
        });

        // After the defaults above, so that configuration has the last word.
        builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(FailureDetection.Section));

        return builder;
    }

    /// <summary>Logs the mode and, with PostgreSQL, brings the schema up to date: to run before the host (and so
    /// Orleans) starts. Several silos may do it at once; the migrator serializes them.</summary>
    public static async Task PrepareInventorySiloAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var services = host.Services;
        var options = services.GetRequiredService<IOptions<InventorySiloOptions>>().Value;
        var mode = services.GetRequiredService<SiloModeInfo>().Mode;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Inventory.Silo");
        if (mode == SiloMode.Postgres)
        {
            LogPostgres(logger, options.ClusterId, options.ServiceId, options.AdvertisedIPAddress, options.SiloPort, options.GatewayPort);
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        }
        else
        {
            LogEmbedded(logger, options.ClusterId, options.SiloPort, options.GatewayPort);
        }

        LogEventStore(logger, services.GetRequiredService<IEventStore>().GetType().Name);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Inventory silo, embedded mode (localhost clustering, memory grain storage): cluster {ClusterId}, silo port {SiloPort}, gateway port {GatewayPort}")]
    private static partial void LogEmbedded(ILogger logger, string clusterId, int siloPort, int gatewayPort);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Inventory silo, PostgreSQL mode (ADO.NET clustering and grain storage): cluster {ClusterId}, service {ServiceId}, advertised {Address}, silo port {SiloPort}, gateway port {GatewayPort}")]
    private static partial void LogPostgres(ILogger logger, string clusterId, string serviceId, string address, int siloPort, int gatewayPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event store: {EventStore}")]
    private static partial void LogEventStore(ILogger logger, string eventStore);

    /// <summary>The mode chosen at composition, for the start-up log.</summary>
    private sealed record SiloModeInfo(SiloMode Mode);
}
