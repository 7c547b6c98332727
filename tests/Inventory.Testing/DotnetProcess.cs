using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Inventory.Testing;

/// <summary>
/// A program of this repository's build (<c>dotnet &lt;dll&gt;</c>) run as a real child process, its output kept for
/// failure messages. Killed, with its whole process tree, on <see cref="Dispose"/> whatever happened.
/// </summary>
public sealed class DotnetProcess : IDisposable
{
    public const int MaxOutputLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DotnetProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <paramref name="dll"/> with <paramref name="environment"/> added to this process's environment.</summary>
    public static DotnetProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(DotnetHost())
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var started = new DotnetProcess(name, process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The build output of one of this repository's programs: <paramref name="overrideVariable"/> when set, else
    /// <c>src/&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;dll&gt;</c> in the configuration this assembly was built in.</summary>
    public static string FindBuildOutput(string project, string dll, string overrideVariable)
    {
        if (Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"{overrideVariable}={given} does not exist.");
        }

        var configuration = typeof(DotnetProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot(), "src", project, "bin", configuration, "net10.0", dll);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} does not exist: build src/{project} in {configuration} first (./build/test.sh and ./build/bench.sh do).");
    }

    /// <summary>The directory holding Inventory.sln above this assembly.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Inventory.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Inventory.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to anyone.</summary>
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

    /// <summary>SIGTERM, as an orchestrator stops a container: the process shuts down gracefully. Returns how long it took
    /// to exit, or null when it had not exited within <paramref name="bound"/>.</summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return clock.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
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
