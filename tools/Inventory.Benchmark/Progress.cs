using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>One line per step on stderr, with the time since the process started, so that stdout holds the results.</summary>
internal static class Progress
{
    private static readonly DateTime Started = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static void Step(string line) => Console.Error.WriteLine($"[{(DateTime.UtcNow - Started).TotalSeconds,4:N0} s] {line}");

    /// <summary>The machine's load average over the last minute, to read a run's figures by (n/a off Linux).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
