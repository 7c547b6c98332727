using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Inventory.Testing;

/// <summary>
/// A real silo process (<c>dotnet Inventory.Silo.dll</c> of this repository's <c>src/Silo</c> build, or the one in
/// <c>INVENTORY_SILO_DLL</c>) on loopback ports of its own, in PostgreSQL mode. Killed, with its whole process tree,
/// on <see cref="Dispose"/> whatever happened.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    public const int MaxOutputLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(string name, Process process, int siloPort, int gatewayPort)
    {
        Name = name;
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the silo wrote (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a silo; <paramref name="settings"/> are more environment variables (configuration), e.g. log levels.</summary>
    public static SiloProcess Start(string name, string connectionString, string clusterId, string serviceId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var ports = FreePorts.Take(2);
        var dll = SiloDll();
        var start = new ProcessStartInfo(DotnetHost())
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Inventory"] = connectionString,
                ["Inventory__ClusterId"] = clusterId,
                ["Inventory__ServiceId"] = serviceId,
                ["Inventory__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
                ["Inventory__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
                ["Inventory__AdvertisedIPAddress"] = "127.0.0.1",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(name, process, ports[0], ports[1]);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the membership table.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>INVENTORY_SILO_DLL, or src/Silo/bin/&lt;Configuration&gt;/net10.0/Inventory.Silo.dll of this repository in
    /// the configuration this assembly was built in (the test projects reference src/Silo, so it is built with them;
    /// build/bench.sh builds it for the benchmark).</summary>
    private static string SiloDll()
    {
        if (Environment.GetEnvironmentVariable("INVENTORY_SILO_DLL") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"INVENTORY_SILO_DLL={given} does not exist.");
        }

        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Inventory.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"No Inventory.sln above {AppContext.BaseDirectory}: cannot locate the silo build output.");
        }

        var dll = Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, "net10.0", "Inventory.Silo.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} does not exist: build src/Silo in {configuration} first (./build/test.sh and ./build/bench.sh do).");
    }

    /// <summary>The dotnet host running these tests (the CLI tells its children where it is).</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
