using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Inventory.Benchmark;

/// <summary>
/// A silo process of this build (<c>dotnet Inventory.Silo.dll</c>, copied next to the benchmark by its reference to
/// src/Silo) in PostgreSQL mode on loopback ports of its own; its last lines of output are kept. Killed, with its
/// process tree, on <see cref="Dispose"/> whatever happened.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private const int MaxOutputLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(string name, Process process, int siloPort)
    {
        Name = name;
        _process = process;
        SiloPort = siloPort;
    }

    public string Name { get; }

    public int SiloPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the silo wrote (stdout and stderr).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a silo; <paramref name="settings"/> are more configuration, as environment variables.</summary>
    public static SiloProcess Start(string name, string connectionString, string clusterId, string serviceId, IReadOnlyDictionary<string, string> settings)
    {
        var ports = FreePorts.Take(3);
        var dll = Path.Combine(AppContext.BaseDirectory, "Inventory.Silo.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            ArgumentList = { dll },
            WorkingDirectory = AppContext.BaseDirectory,
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
                ["Inventory__ManagementPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var silo = new SiloProcess(name, new Process { StartInfo = start }, ports[0]);
        silo._process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
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
            // Never started, or already gone.
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

    /// <summary>The dotnet host running the benchmark (the CLI tells its children where it is).</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}
