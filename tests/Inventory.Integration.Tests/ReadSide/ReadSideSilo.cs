using Inventory.Contracts.Projections;
using Inventory.Integration.Tests.Persistence;
using Inventory.Projections;
using Inventory.Testing.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>
/// An <see cref="InProcessPostgresSilo"/> (the silo process's own composition, PostgreSQL event store, dead letters and
/// ADO.NET grain storage) with the read side on short intervals, the test projection <c>poisonable</c> added, and its
/// read-side log captured. <see cref="CatchUpOnlySilo"/> is the same without the live stream.
/// </summary>
public class ReadSideSilo : IAsyncLifetime
{
    private readonly InProcessPostgresSilo _silo;

    public ReadSideSilo()
        : this(liveStream: true)
    {
    }

    protected ReadSideSilo(bool liveStream) =>
        _silo = new InProcessPostgresSilo(builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ProjectionOptions.Section}:LiveStream"] = liveStream ? "Memory" : "None",
                [$"{ProjectionOptions.Section}:CatchUpInterval"] = "00:00:00.050",
                [$"{ProjectionOptions.Section}:CheckpointInterval"] = "00:00:00.200",
                [$"{ProjectionOptions.Section}:ShardFlushInterval"] = "00:00:01",
                [$"{ProjectionOptions.Section}:KeeperInterval"] = "00:00:00.200",
                [$"{ProjectionOptions.Section}:GenerationCacheTtl"] = "00:00:00.100",
                [$"{ProjectionOptions.Section}:FirstRetryBackoff"] = "00:00:00.001",
                [$"{ProjectionOptions.Section}:PageSize"] = "100",
            });
            builder.Services.AddSingleton(PoisonableViewGrain.Definition);
            builder.Logging.AddProvider(Logs);
        });

    public LogCapture Logs { get; } = new();

    public IServiceProvider Services => _silo.Services;

    public IGrainFactory Grains => _silo.Services.GetRequiredService<IGrainFactory>();

    public IViewsGrain Views => Grains.GetGrain<IViewsGrain>(0);

    public IProjectionAdminGrain Admin => Grains.GetGrain<IProjectionAdminGrain>(0);

    public string ConnectionString => _silo.Database.ConnectionString;

    public Task InitializeAsync() => _silo.InitializeAsync();

    public Task DisposeAsync() => _silo.DisposeAsync();
}
