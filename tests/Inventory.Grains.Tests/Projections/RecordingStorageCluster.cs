using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Projections;
using Inventory.Testing.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A one-silo test cluster over an in-memory event store whose grain storage goes through a
/// <see cref="WriteRecordingGrainStorage"/>, with the read side on short intervals adjusted by the caller.</summary>
public static class RecordingStorageCluster
{
    private const string InnerStorage = "recorded";

    public static async Task<InProcessTestCluster> StartAsync(WriteRecordingGrainStorage storage, Action<ProjectionOptions> configure)
    {
        var store = new InMemoryEventStore();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(store);
            silo.Services.AddSingleton<IEventLog>(store);
            silo.Services.AddSingleton<IDeadLetterStore>(new InMemoryDeadLetterStore());
            silo.AddInventoryGrains();
            silo.AddMemoryGrainStorage(InnerStorage);
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                ProviderNames.GrainStorage,
                (services, _) => storage.Over(services.GetRequiredKeyedService<IGrainStorage>(InnerStorage)));
            silo.Services.Configure<ProjectionOptions>(o =>
            {
                FastProjections.Configure(o);
                configure(o);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
