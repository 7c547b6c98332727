using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace Inventory.Benchmark;

/// <summary>Two silo processes of this build on one database and an Orleans client of theirs (ADO.NET clustering). The
/// processes are killed on dispose, or when this process exits, whatever happened.</summary>
internal sealed class CrashCluster : IAsyncDisposable
{
    private const string ServiceId = "inventory-bench";
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    // Warnings, and the read side's own information lines (coordinators starting, catch-up, rebuilds).
    private static readonly Dictionary<string, string> QuietSilo = new(StringComparer.Ordinal)
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Inventory"] = "Information",
    };

    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    private CrashCluster(MembershipTable membership)
    {
        Membership = membership;
        AppDomain.CurrentDomain.ProcessExit += KillAll;
    }

    public MembershipTable Membership { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public static async Task<CrashCluster> StartAsync(string connectionString, NpgsqlDataSource store)
    {
        var clusterId = $"bench-{Guid.NewGuid():N}";
        var cluster = new CrashCluster(new MembershipTable(store, clusterId));
        try
        {
            var siloConnection = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString;
            cluster._silos.Add(SiloProcess.Start("silo-a", siloConnection, clusterId, ServiceId, QuietSilo));
            cluster._silos.Add(SiloProcess.Start("silo-b", siloConnection, clusterId, ServiceId, QuietSilo));
            await cluster.Membership.WaitForActiveAsync(cluster._silos.Count, () => cluster._silos.Any(s => s.HasExited), StartBound);
            cluster._client = await StartClientAsync(connectionString, clusterId);
            return cluster;
        }
        catch
        {
            cluster.PrintSiloOutput();
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silos' last lines of output, on stderr: for a run that failed.</summary>
    public void PrintSiloOutput()
    {
        foreach (var silo in _silos)
        {
            Console.Error.WriteLine($"--- {silo.Name} (silo port {silo.SiloPort}), last lines:{Environment.NewLine}{silo.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _client.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // The silos may be gone already.
            }

            _client.Dispose();
        }

        _silos.ForEach(s => s.Dispose());
        AppDomain.CurrentDomain.ProcessExit -= KillAll;
    }

    private void KillAll(object? sender, EventArgs e) => _silos.ForEach(s => s.Kill());

    private static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            })
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ServiceId;
            })
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(StartBound);
        await host.StartAsync(timeout.Token);
        return host;
    }
}
