using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>
/// Waits, before a measured phase, until the rest of the machine (PostgreSQL, mostly) has been nearly idle for a
/// second: a phase that overloaded the database (the baseline's open loop runs at a rate it cannot keep up with) leaves
/// it vacuuming and writing back for a while, and the next phase would measure that instead of itself. Bounded: after
/// <see cref="MaxWait"/> the phase starts anyway, and the wait says so.
/// </summary>
internal static class QuietMachine
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private const double QuietCores = 0.3;

    /// <summary>Waits for a quiet second of the rest of the machine; describes the wait.</summary>
    public static async Task<string> WaitAsync()
    {
        var clock = Stopwatch.StartNew();
        var rest = double.NaN;
        while (clock.Elapsed < MaxWait)
        {
            var machine = CpuUse.ReadMachine();
            var process = Environment.CpuUsage.TotalTime;
            await Task.Delay(Window);
            if (machine is not { } start || CpuUse.ReadMachine() is not { } end || end.Total <= start.Total)
            {
                return "quiet machine: not measurable here";
            }

            var busy = (end.Busy - start.Busy) / (end.Total - start.Total) * CpuUse.MachineCores;
            rest = Math.Max(0, busy - (Environment.CpuUsage.TotalTime - process).TotalSeconds / Window.TotalSeconds);
            if (rest < QuietCores)
            {
                return $"quiet machine: the rest of it {rest:N2} cores busy after {clock.Elapsed.TotalSeconds:N0} s";
            }
        }

        return $"quiet machine: NOT reached in {MaxWait.TotalSeconds:N0} s (the rest of it {rest:N2} cores busy); measuring anyway";
    }
}
