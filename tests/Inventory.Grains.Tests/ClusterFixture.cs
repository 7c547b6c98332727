using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Processes;
using Inventory.StockItems;
using Inventory.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Inventory.Grains.Tests;

/// <summary>A two-silo in-process cluster over one shared event store that can inject faults and that checks every write
/// against the registered schemas.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterFixture() => Store = new FaultInjectingEventStore(Schemas);

    public FaultInjectingEventStore Store { get; }

    /// <summary>Checks every event and snapshot written against the registered schemas; disposing fails on any that did not match.</summary>
    public SchemaCheckingEventStore Schemas { get; } = new(new InMemoryEventStore());

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public const int SnapshotInterval = 10;

    public static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan ResumeInterval = TimeSpan.FromSeconds(2);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(Store);
            silo.AddInventoryGrains();
            silo.UseInMemoryReminderService();
            silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
            // Unfinished transfers and orders are woken every 2 s here (which lowers Orleans' one-minute floor).
            silo.Services.Configure<ProcessOptions>(o =>
            {
                o.ResumeInterval = ResumeInterval;
                o.StepTimeout = CommitTimeout;
            });
            silo.Services.Configure<StockItemOptions>(o =>
            {
                o.SnapshotInterval = SnapshotInterval;
                o.CommitTimeout = CommitTimeout;
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Schemas.AssertNoViolations();
    }

    /// <summary>A key no other test uses.</summary>
    public static string NewKey() => $"wh-{Guid.NewGuid():N}"[..12] + "/sku-" + Guid.NewGuid().ToString("N")[..8];

    public IStockItemGrain Item(string key) => Client.GetGrain<IStockItemGrain>(key);

    /// <summary>Deactivates the item <paramref name="key"/>, wakes it again and proves that a new activation loaded it
    /// from the store (one more read of its snapshot).</summary>
    public async Task ReactivateAsync(string key)
    {
        var loads = Store.SnapshotReads(key);
        await Client.GetGrain<IManagementGrain>(0).DeactivateGrain(Item(key).GetGrainId());
        await Item(key).GetDetailsAsync();
        Assert.Equal(loads + 1, Store.SnapshotReads(key));
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
