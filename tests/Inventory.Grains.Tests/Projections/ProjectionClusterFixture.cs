using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Projections;
using Inventory.StockItems;
using Inventory.Testing;
using Inventory.Testing.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A two-silo cluster with the read side on short intervals, over one shared in-memory event store and
/// dead-letter store, plus a projection that can be made to fail.</summary>
public sealed class ProjectionClusterFixture : IAsyncLifetime
{
    public ProjectionClusterFixture() => Schemas = new SchemaCheckingEventStore(Store);

    public InMemoryEventStore Store { get; } = new();

    /// <summary>What the silos write through: checks every event and snapshot against the registered schemas.</summary>
    public SchemaCheckingEventStore Schemas { get; }

    public ControllableEventLog Log { get; private set; } = null!;

    public InMemoryDeadLetterStore DeadLetters { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public IViewsGrain Views => Client.GetGrain<IViewsGrain>(0);

    public IProjectionAdminGrain Admin => Client.GetGrain<IProjectionAdminGrain>(0);

    public async Task InitializeAsync()
    {
        Log = new ControllableEventLog(Store);
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(Schemas);
            silo.Services.AddSingleton<IEventLog>(Log);
            silo.Services.AddSingleton<IDeadLetterStore>(DeadLetters);
            silo.Services.AddSingleton(PoisonableViewGrain.Definition);
            silo.AddInventoryGrains();
            silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
            silo.Services.Configure<ProjectionOptions>(o =>
            {
                FastProjections.Configure(o);
                o.ShardFlushInterval = TimeSpan.FromSeconds(1);
                o.StallAfter = TimeSpan.FromSeconds(1);
                o.PageSize = 100;
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

    /// <summary>A warehouse no other test uses.</summary>
    public static string NewWarehouse() => $"wh-{Guid.NewGuid():N}"[..16];

    public IStockItemGrain Item(string warehouse, string sku) => Client.GetGrain<IStockItemGrain>($"{warehouse}/{sku}");

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {seconds} s; last value: {value}");
            await Task.Delay(20);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectionClusterCollection : ICollectionFixture<ProjectionClusterFixture>
{
    public const string Name = "projection-cluster";
}
