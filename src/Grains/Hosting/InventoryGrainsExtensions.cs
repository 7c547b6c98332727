using Inventory.Audit;
using Inventory.AsOf;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Health;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Faults;
using Inventory.Health;
using Inventory.Processes;
using Inventory.Projections;
using Inventory.StockItems;
using Inventory.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Inventory.Hosting;

/// <summary>Composition of the grains: what every silo adds, whatever the storage.</summary>
public static class InventoryGrainsExtensions
{
    /// <summary>Adds the stock item and process manager grains' providers and services (a reminder service is the host's
    /// choice: in memory embedded, ADO.NET on PostgreSQL). The event store is the in-memory one unless
    /// an <see cref="IEventStore"/> was registered before (<see cref="PostgresEventStoreExtensions.AddPostgresEventStore"/> replaces it, before or after);
    /// <see cref="IEventLog"/> is the same instance as the <see cref="IEventStore"/>. Dead letters are kept in memory unless
    /// an <see cref="IDeadLetterStore"/> was registered (the PostgreSQL one, likewise); so is the operator audit log
    /// (<see cref="IOperatorAuditStore"/>). As-of reads scan the log
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
        builder.Services.AddOptions<ProcessOptions>()
            .BindConfiguration(ProcessOptions.Section)
            .Validate(o => o.IsValid, $"{ProcessOptions.Section}: StepTimeout, ResumeInterval and TransferOverdueAfter must be positive, MaxConflictRetries not negative.")
            .ValidateOnStart();

        // Orleans refuses reminder periods under a minute unless told otherwise: a shorter resume interval lowers it.
        builder.Services.AddOptions<ReminderOptions>().Configure<IOptions<ProcessOptions>>((reminders, processes) =>
            reminders.MinimumReminderPeriod = processes.Value.ResumeInterval < reminders.MinimumReminderPeriod ? processes.Value.ResumeInterval : reminders.MinimumReminderPeriod);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IEventStore, InMemoryEventStore>();
        builder.Services.TryAddSingleton(EventLogOfEventStore);
        builder.Services.TryAddSingleton<IDeadLetterStore, InMemoryDeadLetterStore>();
        builder.Services.TryAddSingleton<IOperatorAuditStore, InMemoryOperatorAuditStore>();
        builder.Services.TryAddSingleton<IStorageProbe, InMemoryStorageProbe>();
        builder.Services.TryAddSingleton<IStockLedger, LogScanStockLedger>();
        builder.Services.TryAddSingleton<AsOfTotalsCache>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<StockItemMetrics>();
        builder.Services.TryAddSingleton<ProjectionMetrics>();
        builder.Services.TryAddSingleton<TransferMetrics>();
        builder.AddInventoryProjections();
        return builder;
    }

    private static IEventLog EventLogOfEventStore(IServiceProvider services) =>
        services.GetRequiredService<IEventStore>() as IEventLog
            ?? throw new InvalidOperationException(
                $"The registered {nameof(IEventStore)} does not implement {nameof(IEventLog)}: register an {nameof(IEventLog)} that reads the same store.");
}
