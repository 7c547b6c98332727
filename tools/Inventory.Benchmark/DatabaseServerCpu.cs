using System.Globalization;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// CPU time of the PostgreSQL server the benchmark runs on, from <c>/proc</c>: its postmaster (found as the parent of this
/// connection's backend) with the children it has reaped, and its children now alive (backends, WAL writer,
/// checkpointer, autovacuum). Only for a server on this machine; NaN where <c>/proc</c> cannot be read.
/// </summary>
internal sealed class DatabaseServerCpu(int postmaster)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static async Task<DatabaseServerCpu?> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return Stat(backend) is { } stat ? new DatabaseServerCpu(stat.ParentId) : null;
    }

    /// <summary>Seconds of CPU the server has used so far.</summary>
    public double Seconds()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                ticks += stat.Own + stat.Reaped;
            }
            else if (stat.ParentId == postmaster)
            {
                ticks += stat.Own;
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>Parent, own user+system ticks, and reaped children's ticks of a process (null when it is gone).</summary>
    private static (int ParentId, long Own, long Reaped)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // After "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), counted from 1 at pid.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
