using Inventory.Contracts.EventStore;
using Inventory.Contracts.Health;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Faults;
using Inventory.Health;
using Inventory.AsOf;
using Inventory.Projections;
using Inventory.StockItems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inventory.Hosting;

/// <summary>Composition of the grains: what every silo adds, whatever the storage.</summary>
public static class InventoryGrainsExtensions
{
    /// <summary>Adds the stock item grains' providers and services. The event store is the in-memory one unless
    /// an <see cref="IEventStore"/> was registered before (<see cref="PostgresEventStoreExtensions.AddPostgresEventStore"/> replaces it, before or after);
    /// <see cref="IEventLog"/> is the same instance as the <see cref="IEventStore"/>. Dead letters are kept in memory unless
    /// an <see cref="IDeadLetterStore"/> was registered (the PostgreSQL one, likewise). As-of reads scan the log
    /// (<see cref="LogScanStockLedger"/>) unless an <see cref="IStockLedger"/> was registered (the PostgreSQL one, likewise).</summary>
    public static ISiloBuilder AddInventoryGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCustomStorageBasedLogConsistencyProvider(ProviderNames.EventStore);
        builder.AddIncomingGrainCallFilter<GrainBoundaryFilter>();
        builder.AddActivityPropagation();
        builder.Services.AddOptions<StockItemOptions>()
            .BindConfiguration(StockItemOptions.Section)
            .Validate(o => o.IsValid, $"{StockItemOptions.Section}: SnapshotInterval and MaxHistoryPage must be at least 1, CommitTimeout positive, MaxConflictRetries not negative.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IEventStore, InMemoryEventStore>();
        builder.Services.TryAddSingleton(EventLogOfEventStore);
        builder.Services.TryAddSingleton<IDeadLetterStore, InMemoryDeadLetterStore>();
        builder.Services.TryAddSingleton<IStorageProbe, InMemoryStorageProbe>();
        builder.Services.TryAddSingleton<IStockLedger, LogScanStockLedger>();
        builder.Services.TryAddSingleton<AsOfTotalsCache>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<StockItemMetrics>();
        builder.Services.TryAddSingleton<ProjectionMetrics>();
        builder.AddInventoryProjections();
        return builder;
    }

    private static IEventLog EventLogOfEventStore(IServiceProvider services) =>
        services.GetRequiredService<IEventStore>() as IEventLog
            ?? throw new InvalidOperationException(
                $"The registered {nameof(IEventStore)} does not implement {nameof(IEventLog)}: register an {nameof(IEventLog)} that reads the same store.");
}
