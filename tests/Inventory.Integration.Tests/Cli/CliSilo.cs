using Inventory.Integration.Tests.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Integration.Tests.Cli;

/// <summary>An in-process silo on PostgreSQL that snapshots every third event, to give the operator tool a real ledger.</summary>
public sealed class CliSilo : IAsyncLifetime
{
    private readonly InProcessPostgresSilo _silo = new(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Inventory:StockItems:SnapshotInterval"] = "3",
    }));

    public IGrainFactory Grains => _silo.Services.GetRequiredService<IGrainFactory>();

    public string ConnectionString => _silo.Database.ConnectionString;

    public Task InitializeAsync() => _silo.InitializeAsync();

    public Task DisposeAsync() => _silo.DisposeAsync();
}
