using System.Net;
using Inventory.EventStore.Postgres;
using Inventory.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

namespace Inventory.Silo;

/// <summary>The PostgreSQL mode: one data source shared by the schema migrator, ADO.NET clustering and grain storage.</summary>
public static class PostgresSiloExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = PostgresGrainStorageExtensions.Invariant;

    /// <summary>Registers the <see cref="NpgsqlDataSource"/> (the one pool of the silo), the <see cref="SchemaMigrator"/>
    /// and the PostgreSQL event store (<see cref="PostgresEventStoreExtensions.AddPostgresEventStore"/>).</summary>
    public static IServiceCollection AddInventoryPostgres(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddPostgresEventStore(connectionString);
    }

    /// <summary>ADO.NET clustering, grain storage and reminders on the registered data source; identity and endpoints
    /// from <paramref name="options"/>.</summary>
    public static ISiloBuilder UseInventoryPostgres(this ISiloBuilder silo, InventorySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.Configure<EndpointOptions>(endpoint =>
        {
            endpoint.AdvertisedIPAddress = AdvertisedAddress.Resolve(options.AdvertisedIPAddress);
            endpoint.SiloPort = options.SiloPort;
            endpoint.GatewayPort = options.GatewayPort;
        });
        silo.Configure<ClusterMembershipOptions>(FailureDetection.Configure);
        silo.UseAdoNetClustering(clustering => clustering.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));
        return silo.AddInventoryPostgresGrainStorage().AddInventoryPostgresReminders();
    }
}
