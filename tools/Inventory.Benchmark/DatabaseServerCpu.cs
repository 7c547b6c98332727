using System.Globalization;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The CPU time the PostgreSQL server has used, when it runs on this machine: from <c>/proc/&lt;pid&gt;/stat</c>, the
/// postmaster's own time and its exited children's (<c>cutime</c>, <c>cstime</c>: backends that ended, once reaped),
/// plus the time of every live process whose parent it is (backends, checkpointer, WAL writer, autovacuum...). Two
/// readings a window apart give the server's CPU in it, backends that came and went inside it included; a backend
/// reaped between reading the postmaster and reading it is missed (the benchmark's pools keep theirs open).
/// The server is found through a backend of its own (<c>pg_backend_pid()</c>, whose parent is the postmaster), taken
/// for this machine's only when that process started when the server says it did: a server elsewhere (another host, a
/// container's pid namespace) reads NaN instead.
/// </summary>
internal sealed class DatabaseServerCpu
{
    /// <summary>USER_HZ: the kernel reports <c>/proc</c> times in ticks of 1/100 s on every Linux architecture (part of its
    /// ABI, whatever its internal tick rate; <c>getconf CLK_TCK</c> says 100), and .NET does not expose sysconf.</summary>
    private const double TicksPerSecond = 100;

    // Indexes into Stat's fields (proc(5) numbers them from 1, so these are its numbers minus 3).
    private const int Parent = 1;
    private const int UserTime = 11;
    private const int StartTime = 19;

    /// <summary>How far the postmaster's start by <c>/proc</c> may be from the server's own record of it.</summary>
    private const double StartTolerance = 2;

    private readonly int? _postmaster;

    private DatabaseServerCpu(int? postmaster) => _postmaster = postmaster;

    /// <summary>Whether the server was found on this machine (else every reading is NaN).</summary>
    public bool IsLocal => _postmaster is not null;

    public static async Task<DatabaseServerCpu> LocateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid(), extract(epoch FROM pg_postmaster_start_time())::float8", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var backend = reader.GetInt32(0);
        var serverStarted = reader.GetDouble(1);
        var postmaster = Stat(backend) is { } stat ? int.Parse(stat[Parent], CultureInfo.InvariantCulture) : (int?)null;
        return new DatabaseServerCpu(postmaster is { } pid && Math.Abs(StartedAt(pid) - serverStarted) < StartTolerance ? pid : null);
    }

    /// <summary>The server's CPU time so far, in milliseconds (NaN when it is not on this machine or has gone).</summary>
    public double TotalMillis()
    {
        if (_postmaster is not { } postmaster || Stat(postmaster) is not { } own)
        {
            return double.NaN;
        }

        var parent = postmaster.ToString(CultureInfo.InvariantCulture);
        var ticks = Ticks(own);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child[Parent] == parent)
            {
                ticks += Ticks(child);
            }
        }

        return ticks / TicksPerSecond * 1000;
    }

    /// <summary>utime + stime + cutime + cstime: the process's own time and that of the children it has reaped.</summary>
    private static long Ticks(string[] stat) =>
        Enumerable.Range(UserTime, 4).Sum(i => long.Parse(stat[i], CultureInfo.InvariantCulture));

    /// <summary>When the process started, in seconds since the epoch (NaN when it cannot be read).</summary>
    private static double StartedAt(int pid)
    {
        var boot = File.ReadLines("/proc/stat").FirstOrDefault(line => line.StartsWith("btime ", StringComparison.Ordinal));
        return Stat(pid) is { } stat && boot is not null
            ? long.Parse(boot[6..], CultureInfo.InvariantCulture) + long.Parse(stat[StartTime], CultureInfo.InvariantCulture) / TicksPerSecond
            : double.NaN;
    }

    /// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> from <c>state</c> on (after the command name, which may hold
    /// spaces and parentheses: after its last ')'), or null when there is no such process (here).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
