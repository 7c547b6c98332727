using System.Diagnostics;
using System.Runtime;

namespace Inventory.Benchmark;

/// <summary>What this process (the silo and the load) did from <see cref="Start"/> to <see cref="Stop"/>: GC pauses,
/// collections and allocation, CPU and JIT; and the rest of the machine's CPU (PostgreSQL, mostly), from
/// <c>/proc/stat</c> (NaN elsewhere).</summary>
internal sealed class ProcessCounters
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpu = Environment.CpuUsage.TotalTime;
    private readonly (double Busy, double Total)? _machine = ReadMachine();
    private readonly long _jitted = JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan _gcPaused = GC.GetTotalPauseDuration();
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>The machine's online cores as <c>/proc/stat</c> counts them (not this process's affinity).</summary>
    public static int MachineCores { get; } = CountMachineCores();

    public static ProcessCounters Start() => new();

    public ProcessFigures Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var machine = _machine is { } start && ReadMachine() is { } end && end.Total > start.Total
            ? (end.Busy - start.Busy) / (end.Total - start.Total) * MachineCores
            : double.NaN;
        int Collections(int generation) => GC.CollectionCount(generation) - _collections[generation];
        return new ProcessFigures(
            wall,
            GC.GetTotalPauseDuration() - _gcPaused,
            Collections(0) - Collections(1),
            Collections(1) - Collections(2),
            Collections(2),
            GC.GetTotalAllocatedBytes() - _allocated,
            (Environment.CpuUsage.TotalTime - _cpu) / wall,
            machine,
            JitInfo.GetCompiledMethodCount() - _jitted);
    }

    private static int CountMachineCores()
    {
        try
        {
            var cores = File.ReadLines("/proc/stat").Count(line => line.StartsWith("cpu", StringComparison.Ordinal) && line.Length > 3 && char.IsAsciiDigit(line[3]));
            return cores > 0 ? cores : Environment.ProcessorCount;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Environment.ProcessorCount;
        }
    }

    /// <summary>Busy and total jiffies of all cores (busy leaves out idle and iowait).</summary>
    private static (double Busy, double Total)? ReadMachine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
            var total = fields.Take(8).Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The figures of <see cref="ProcessCounters"/>: collections counted by the oldest generation they took.</summary>
internal sealed record ProcessFigures(
    TimeSpan Wall, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long AllocatedBytes, double ProcessCores, double MachineCores, long JitMethods)
{
    public string Gc => $"GC paused it {GcPause.TotalMilliseconds:N0} ms ({Gen0}/{Gen1}/{Gen2} collections of gen0/1/2)";

    public override string ToString() =>
        $"CPU: this process {ProcessCores:N2} cores, the rest of the machine {MachineCores - ProcessCores:N2}; JIT {JitMethods:N0} methods; {Gc}; "
        + $"{AllocatedBytes / Wall.TotalSeconds / (1024 * 1024):N0} MB/s allocated ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)";
}
