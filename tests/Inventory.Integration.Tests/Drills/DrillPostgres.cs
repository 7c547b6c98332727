using System.Diagnostics;
using System.Globalization;
using Inventory.Testing;
using Npgsql;

namespace Inventory.Integration.Tests.Drills;

/// <summary>
/// A PostgreSQL server of the drills' own (<c>build/pg.sh</c>, on a free loopback port), which they stop, start, freeze
/// and cut off without disturbing the server the other tests share. One per drill collection; each drill gets a
/// database of its own on it. Stopped and removed on dispose.
/// </summary>
public sealed class DrillPostgres : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"inventory-drill-pg-{Guid.NewGuid():N}");
    private int _port;
    private List<int> _frozen = [];

    public string ServerConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = "postgres",
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The drills run PostgreSQL through build/pg.sh and signals: Linux only.");
        }

        // The postgres user (pg.sh runs the server as it) must reach the data directory inside.
        Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        _port = FreePorts.Take(1)[0];
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        Thaw();
        await PgAsync("stop", _directory);
        await RunAsync("rm", "-rf", _directory);
    }

    /// <summary>A new empty database on this server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"drill_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Starts the server (again) on its port and waits until it accepts connections.</summary>
    public Task StartAsync() => PgAsync("start", _directory, _port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Fast shutdown: every connection is closed, the port stops listening.</summary>
    public Task StopAsync() => PgAsync("stop", _directory);

    /// <summary>SIGSTOP to the postmaster and every backend: connections stay open and nothing answers, as a server that
    /// hangs (a stuck disk, a paused VM) does.</summary>
    public void Freeze()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(_directory, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        _frozen = [postmaster, .. ChildrenOf(postmaster)];
        Signal("-STOP", _frozen);
    }

    /// <summary>SIGCONT to what <see cref="Freeze"/> stopped.</summary>
    public void Thaw()
    {
        if (_frozen.Count > 0)
        {
            Signal("-CONT", _frozen);
            _frozen = [];
        }
    }

    /// <summary>Terminates every backend connected to <paramref name="connectionString"/>'s database
    /// (<c>pg_terminate_backend</c>); returns how many.</summary>
    public async Task<int> TerminateBackendsAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static List<int> ChildrenOf(int parent) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => (Pid: int.Parse(name!, CultureInfo.InvariantCulture), Parent: ParentOf(name!)))
            .Where(p => p.Parent == parent)
            .Select(p => p.Pid)];

    private static int? ParentOf(string pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Signal(string signal, IEnumerable<int> pids)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static Task PgAsync(params string[] arguments) =>
        RunAsync(Path.Combine(DotnetProcess.RepositoryRoot(), "build", "pg.sh"), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
