using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Processes;
using Inventory.Projections;
using Inventory.StockItems;
using Inventory.Testing;
using Inventory.Testing.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using Orleans.TestingHost;

namespace Inventory.Api.Tests;

/// <summary>One in-process silo over a fault-injecting in-memory event store, and the API in front of it.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiFixture() => Store = new FaultInjectingEventStore(Schemas);

    public FaultInjectingEventStore Store { get; }

    /// <summary>Checks every event and snapshot written against the registered schemas; disposing fails on any that did not match.</summary>
    public SchemaCheckingEventStore Schemas { get; } = new(new InMemoryEventStore());

    public InMemoryDeadLetterStore DeadLetters { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    /// <summary>Short, so that a test can see a transfer become overdue.</summary>
    public static readonly TimeSpan TransferOverdueAfter = TimeSpan.FromSeconds(2);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(Store);
            silo.Services.AddSingleton<IDeadLetterStore>(DeadLetters);
            silo.Services.AddSingleton(PoisonableViewGrain.Definition);
            silo.AddInventoryGrains();
            silo.UseInMemoryReminderService();
            silo.AddDashboard();
            silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
            silo.Services.Configure<ProjectionOptions>(FastProjections.Configure);
            silo.Services.Configure<StockItemOptions>(o => o.CommitTimeout = TimeSpan.FromSeconds(3));
            silo.Services.Configure<ProcessOptions>(o => o.TransferOverdueAfter = TransferOverdueAfter);
        });
        builder.ConfigureClient(client => client.AddActivityPropagation());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        var settings = TestKeys.Settings();
        settings["Inventory:Api:Live:PollInterval"] = "00:00:00.100";
        Factory = new ApiFactory(Cluster.Client, settings);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Cluster.DisposeAsync();
        Schemas.AssertNoViolations();
    }

    /// <summary>A client that sends <paramref name="key"/> as X-Api-Key (none when null).</summary>
    public HttpClient Client(string? key) => Factory.WithKey(key);

    public IProjectionAdminGrain Admin => Cluster.Client.GetGrain<IProjectionAdminGrain>(0);

    /// <summary>The history of an item straight from the grain, bypassing the API.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(TestItem item) =>
        (await Cluster.Client.GetGrain<IStockItemGrain>(item.Key).GetHistoryAsync(0, 1000)).Entries;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
