using System.Globalization;
using Inventory.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.Benchmark;

/// <summary>
/// The silo the benchmark hosts in its own process, composed by src/Silo's own <see cref="SiloHostingExtensions.AddInventorySilo"/>
/// in PostgreSQL mode (event store, ADO.NET clustering and grain storage on one pool, read side included). What the
/// benchmark sets goes in as configuration: its own cluster and ports, and <paramref name="settings"/>. Logs warnings
/// while running, nothing once stopping (shutdown moves grains and flushes views, noisily).
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ShutdownFlag _stopping;

    private BenchSilo(IHost host, ShutdownFlag stopping)
    {
        _host = host;
        _stopping = stopping;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var ports = FreePorts.Take(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"ConnectionStrings:{SiloHostingExtensions.ConnectionStringName}"] = connectionString,
            [$"{InventorySiloOptions.Section}:{nameof(InventorySiloOptions.ClusterId)}"] = $"bench-{Guid.NewGuid():N}",
            [$"{InventorySiloOptions.Section}:{nameof(InventorySiloOptions.ServiceId)}"] = "inventory-bench",
            [$"{InventorySiloOptions.Section}:{nameof(InventorySiloOptions.SiloPort)}"] = ports[0].ToString(CultureInfo.InvariantCulture),
            [$"{InventorySiloOptions.Section}:{nameof(InventorySiloOptions.GatewayPort)}"] = ports[1].ToString(CultureInfo.InvariantCulture),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var stopping = new ShutdownFlag();
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning && !stopping.Set);

        // Its first check reports the host's uptime as a stall (docs/operations.md); a real one shows in the figures.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.AddInventorySilo();
        var host = builder.Build();
        await host.PrepareInventorySiloAsync();
        await host.StartAsync();
        return new BenchSilo(host, stopping);
    }

    public async Task StopAsync()
    {
        _stopping.Set = true;
        await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.Set)
        {
            await StopAsync();
        }

        _host.Dispose();
    }

    private sealed class ShutdownFlag
    {
        public volatile bool Set;
    }
}
