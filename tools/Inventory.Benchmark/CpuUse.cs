using System.Diagnostics;
using System.Runtime;

namespace Inventory.Benchmark;

/// <summary>CPU used during a phase, in cores: by this process (silo and load together), and by everything else on
/// the machine (PostgreSQL, mostly, when the machine is otherwise quiet). Linux only (<c>/proc/stat</c>); elsewhere the
/// machine figure is NaN.</summary>
internal sealed class CpuUse
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _processStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly (double Busy, double Total)? _machineStart = ReadMachine();
    private readonly long _jitted = JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan _jitTime = JitInfo.GetCompilationTime();
    private readonly TimeSpan _gcPaused = GC.GetTotalPauseDuration();
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly PageFaults? _faults = PageFaults.Read();

    public override string ToString()
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _processStart).TotalSeconds / wall;
        var machine = double.NaN;
        if (_machineStart is { } start && ReadMachine() is { } end && end.Total > start.Total)
        {
            machine = (end.Busy - start.Busy) / (end.Total - start.Total) * MachineCores;
        }

        var jitted = JitInfo.GetCompiledMethodCount() - _jitted;
        var jitTime = (JitInfo.GetCompilationTime() - _jitTime).TotalSeconds / wall;
        var paused = GC.GetTotalPauseDuration() - _gcPaused;
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - _collections[g]));
        var allocatedPerSecond = (GC.GetTotalAllocatedBytes() - _allocated) / wall / (1024 * 1024);
        var last = GC.GetGCMemoryInfo(GCKind.Any);
        var ephemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        return $"CPU: this process {process:N2} cores (of which JIT compiling {jitted:N0} methods {jitTime:N2}), the rest of the machine {machine - process:N2} cores, idle {MachineCores - machine:N2} cores; "
            + $"GC ({(GCSettings.IsServerGC ? "server" : "workstation")}) paused the process {paused.TotalMilliseconds:N0} ms in {collections} gen0/1/2 collections, {allocatedPerSecond:N0} MB/s allocated; "
            + $"heap {last.HeapSizeBytes / (1024 * 1024):N0} MB after the last GC, the last gen0/1 GC promoted {ephemeral.PromotedBytes / (1024 * 1024.0):N1} MB in {ephemeral.PauseDurations[0].TotalMilliseconds:N1} ms, "
            + $"the last gen2 (background) GC #{background.Index} left {background.HeapSizeBytes / (1024 * 1024):N0} MB"
            + (_faults is { } faultsBefore && PageFaults.Read() is { } faultsAfter ? $"; page faults: {faultsAfter - faultsBefore}" : "");
    }

    /// <summary>
    /// The machine's online cores, as <c>/proc/stat</c> counts them: the scale of its busy share. Not
    /// <see cref="Environment.ProcessorCount"/>, which is this process's share when its affinity is narrower (a run
    /// under <c>taskset</c>), and would turn the rest of the machine's cores negative.
    /// </summary>
    internal static int MachineCores { get; } = CountMachineCores();

    private static int CountMachineCores()
    {
        try
        {
            var cores = File.ReadLines("/proc/stat").Count(line => line.StartsWith("cpu", StringComparison.Ordinal) && line.Length > 3 && char.IsAsciiDigit(line[3]));
            return cores > 0 ? cores : Environment.ProcessorCount;
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
        catch (UnauthorizedAccessException)
        {
            return Environment.ProcessorCount;
        }
    }

    /// <summary>Busy and total jiffies of all cores (busy excludes idle and iowait).</summary>
    internal static (double Busy, double Total)? ReadMachine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
            var total = fields.Take(8).Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
