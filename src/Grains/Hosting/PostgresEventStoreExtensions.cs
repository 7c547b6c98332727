using Inventory.Audit;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Health;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.EventStore.Postgres;
using Inventory.Health;
using Inventory.AsOf;
using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inventory.Hosting;

/// <summary>Composition of the PostgreSQL event store.</summary>
public static class PostgresEventStoreExtensions
{
    /// <summary>
    /// Makes <see cref="PostgresEventStore"/> the <see cref="IEventStore"/> and the <see cref="IEventLog"/> (one instance), and
    /// <see cref="PostgresDeadLetterStore"/> the <see cref="IDeadLetterStore"/>, <see cref="PostgresOperatorAuditStore"/> the
    /// <see cref="IOperatorAuditStore"/> and <see cref="PostgresStockLedger"/> the
    /// <see cref="IStockLedger"/>, whether this is called before or after
    /// <see cref="InventoryGrainsExtensions.AddInventoryGrains"/> (in-memory ones registered earlier are removed).
    /// Also registers the <see cref="NpgsqlDataSource"/> for <paramref name="connectionString"/> (unless the host
    /// registered one already: then that one is shared; its pool size defaults to
    /// <see cref="PostgresConnectionDefaults.MaxPoolSize"/>) and the <see cref="SchemaMigrator"/>, which the host must
    /// run before the silo takes traffic (nothing here runs it). Tuning: <see cref="PostgresEventStoreOptions.Section"/>.
    /// </summary>
    public static IServiceCollection AddPostgresEventStore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.TryAddSingleton(provider => new NpgsqlDataSourceBuilder(PostgresConnectionDefaults.Apply(connectionString))
            .UseLoggerFactory(provider.GetService<ILoggerFactory>())
            .Build());
        services.TryAddSingleton<SchemaMigrator>();
        services.AddOptions<PostgresEventStoreOptions>()
            .BindConfiguration(PostgresEventStoreOptions.Section)
            .Validate(o => o.IsValid, "Inventory:EventStore:Postgres: MaxBatchSize must be 1..10000, Writers 1..64 and LogScanStatementRows 1..10000000.")
            .ValidateOnStart();
        services.TryAddSingleton<PostgresEventStore>();
        services.RemoveAll<IEventStore>();
        services.AddSingleton<IEventStore>(provider => provider.GetRequiredService<PostgresEventStore>());
        services.RemoveAll<IEventLog>();
        services.AddSingleton<IEventLog>(provider => provider.GetRequiredService<PostgresEventStore>());
        services.TryAddSingleton<PostgresDeadLetterStore>();
        services.RemoveAll<IDeadLetterStore>();
        services.AddSingleton<IDeadLetterStore>(provider => provider.GetRequiredService<PostgresDeadLetterStore>());
        services.TryAddSingleton<PostgresOperatorAuditStore>();
        services.RemoveAll<IOperatorAuditStore>();
        services.AddSingleton<IOperatorAuditStore>(provider => provider.GetRequiredService<PostgresOperatorAuditStore>());
        services.RemoveAll<IStockLedger>();
        services.AddSingleton<IStockLedger, PostgresStockLedger>();
        services.RemoveAll<IStorageProbe>();
        services.AddSingleton<IStorageProbe, PostgresStorageProbe>();
        return services;
    }
}
