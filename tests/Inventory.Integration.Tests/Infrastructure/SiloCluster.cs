using Inventory.Silo;
using Inventory.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>
/// Real silo processes on loopback forming one cluster through the membership table of a test database, and an
/// Orleans client that finds them through the same table. Everything is killed and stopped on dispose.
/// </summary>
public sealed class SiloCluster(TestDatabase database, ITestOutputHelper output, string serviceId) : IAsyncDisposable
{
    public const int ActiveStatus = 3;
    public const int DeadStatus = 6;
    public static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    public string ClusterId { get; } = $"cluster-{Guid.NewGuid():N}";

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public bool AnySiloExited => _silos.Any(s => s.HasExited);

    /// <summary>Starts <paramref name="count"/> silos at once (they also migrate the database at once) and waits until all are Active;
    /// <paramref name="settings"/> are more environment variables of every silo.</summary>
    public Task<TimeSpan> StartSilosAsync(int count, IReadOnlyDictionary<string, string>? settings = null) =>
        StartSilosAsync(Enumerable.Repeat(settings ?? new Dictionary<string, string>(), count).ToList());

    /// <summary>Starts one silo per entry of <paramref name="settingsPerSilo"/> (its own environment variables) and waits as
    /// <see cref="StartSilosAsync(int, IReadOnlyDictionary{string, string}?)"/> does.</summary>
    public async Task<TimeSpan> StartSilosAsync(IReadOnlyList<IReadOnlyDictionary<string, string>> settingsPerSilo)
    {
        var count = settingsPerSilo.Count;
        for (var i = 0; i < count; i++)
        {
            StartSilo($"silo-{(char)('a' + i)}", settingsPerSilo[i]);
        }

        var joined = await Wait.UntilAsync(
            async () => (await MembersAsync()).Count(m => m.Status == ActiveStatus) == count || AnySiloExited,
            StartBound, $"{count} silos are Active in OrleansMembershipTable");
        Assert.False(AnySiloExited, "A silo process exited during start-up.");
        return joined;
    }

    /// <summary>Starts one more silo of this cluster without waiting for it to join.</summary>
    public SiloProcess StartSilo(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = SiloProcess.Start(name, database.ConnectionString, ClusterId, serviceId, settings);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Starts the cluster's client (disposed with the cluster); <paramref name="configure"/> adds to it, e.g. TLS.</summary>
    public async Task<IClusterClient> StartClientAsync(Action<IClientBuilder>? configure = null)
    {
        _client = BuildClient(configure);
        using var timeout = new CancellationTokenSource(StartBound);
        await _client.StartAsync(timeout.Token);
        return _client.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>A client of this cluster, not started; the caller starts and disposes it.</summary>
    public IHost BuildClient(Action<IClientBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client =>
        {
            client
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresSiloExtensions.Invariant;
                    o.ConnectionString = database.ConnectionString;
                })
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = serviceId;
                });
            configure?.Invoke(client);
        });
        return builder.Build();
    }

    public async Task<List<(int Port, int Status)>> MembersAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT Port, Status FROM OrleansMembershipTable WHERE DeploymentId = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        var members = new List<(int, int)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                members.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The silos have not migrated the schema yet.
        }

        return members;
    }

    public async ValueTask DisposeAsync()
    {
        try
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
                    // The silos may be gone already; the client is disposed below either way.
                }
                finally
                {
                    _client.Dispose();
                }
            }
        }
        finally
        {
            foreach (var silo in _silos)
            {
                silo.Dispose();
                output.WriteLine($"--- {silo.Name} (silo port {silo.SiloPort}, gateway {silo.GatewayPort}), last lines:");
                output.WriteLine(silo.Output);
            }
        }
    }
}
