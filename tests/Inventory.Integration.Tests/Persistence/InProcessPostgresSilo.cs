using Inventory.Integration.Tests.Infrastructure;
using Inventory.Silo;
using Inventory.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Inventory.Integration.Tests.Persistence;

/// <summary>One silo in the test process, composed exactly as the silo process composes itself in PostgreSQL
/// mode (same <c>AddInventorySilo</c>, schema migrated at start), on a fresh database.</summary>
public sealed class InProcessPostgresSilo : IAsyncLifetime
{
    public const string ServiceId = "storage-tests";

    private readonly TestDatabase _database = new();
    private readonly Action<HostApplicationBuilder>? _configure;
    private IHost? _host;

    public InProcessPostgresSilo()
    {
    }

    /// <summary>With <paramref name="configure"/> adding to the host before the silo is composed (settings, extra
    /// projections, log capture). Internal: xUnit wants one public constructor on a class fixture.</summary>
    internal InProcessPostgresSilo(Action<HostApplicationBuilder> configure) => _configure = configure;

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The silo is not started.")).Services;

    public TestDatabase Database => _database;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var ports = FreePorts.Take(2);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{SiloHostingExtensions.ConnectionStringName}"] = _database.ConnectionString,
            ["Inventory:ClusterId"] = $"storage-{Guid.NewGuid():N}",
            ["Inventory:ServiceId"] = ServiceId,
            ["Inventory:SiloPort"] = ports[0].ToString(),
            ["Inventory:GatewayPort"] = ports[1].ToString(),
        });
        _configure?.Invoke(builder);
        builder.AddInventorySilo();
        _host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.PrepareInventorySiloAsync(timeout.Token);
        await _host.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _host.StopAsync(timeout.Token);
            }
            finally
            {
                _host.Dispose();
            }
        }

        await _database.DisposeAsync();
    }
}
