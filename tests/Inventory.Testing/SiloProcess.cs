using System.Globalization;

namespace Inventory.Testing;

/// <summary>
/// A real silo process (<c>dotnet Inventory.Silo.dll</c> of this repository's <c>src/Silo</c> build, or the one in
/// <c>INVENTORY_SILO_DLL</c>) on loopback ports of its own, in PostgreSQL mode. Killed, with its whole process tree,
/// on <see cref="Dispose"/> whatever happened.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly DotnetProcess _process;

    private SiloProcess(DotnetProcess process, int siloPort, int gatewayPort, int managementPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        ManagementPort = managementPort;
    }

    public string Name => _process.Name;

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The silo's own HTTP endpoints (<c>/health/live</c>, <c>/health/ready</c>).</summary>
    public int ManagementPort { get; }

    public Uri ManagementAddress => new($"http://127.0.0.1:{ManagementPort}");

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the silo wrote (stdout and stderr), for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts a silo; <paramref name="settings"/> are more environment variables (configuration), e.g. log levels.</summary>
    public static SiloProcess Start(string name, string connectionString, string clusterId, string serviceId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var ports = FreePorts.Take(3);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Inventory"] = connectionString,
            ["Inventory__ClusterId"] = clusterId,
            ["Inventory__ServiceId"] = serviceId,
            ["Inventory__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Inventory__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Inventory__ManagementPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Inventory__AdvertisedIPAddress"] = "127.0.0.1",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var dll = DotnetProcess.FindBuildOutput("Silo", "Inventory.Silo.dll", "INVENTORY_SILO_DLL");
        return new SiloProcess(DotnetProcess.Start(name, dll, environment), ports[0], ports[1], ports[2]);
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the membership table.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM: the silo leaves the cluster gracefully. How long it took to exit, or null past <paramref name="bound"/>.</summary>
    public Task<TimeSpan?> TerminateAsync(TimeSpan bound) => _process.TerminateAsync(bound);

    public void Dispose() => _process.Dispose();
}
