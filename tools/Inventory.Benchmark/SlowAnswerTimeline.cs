using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime;

namespace Inventory.Benchmark;

/// <summary>
/// Where in an open-loop phase the slow answers were, and what else the process did then: each answer's scheduled
/// time and latency, the grain storage writes (Orleans' <c>orleans-storage-write-latency</c>: the projection shards'
/// checkpoints and the coordinators' own state) and the process's stalls (<see cref="HiccupMeter"/>). A diagnostic for
/// the latency tail: it says whether the slow answers bunch up, and next to what. A thread samples the CPU every 50 ms
/// (this process's, and the machine's from <c>/proc/stat</c>) so that each episode also shows who kept the cores busy;
/// with <c>byProcess</c>, every other process's too (diagnostics only: reading every process's <c>/proc</c> entry 20
/// times a second allocated about 20 MB/s in this process, a third more than the silo itself). The event store's
/// transactions (<c>inventory.eventstore.batch.duration</c>) are kept too: an episode with neither a stall nor busy
/// cores but long transactions waited for the database's commits; and the disk's slow syncs, from a
/// <see cref="DiskSyncProbe"/> running beside the load: those say whether the disk itself stalled then.
/// </summary>
internal sealed class SlowAnswerTimeline : IDisposable
{
    private static readonly double BucketSeconds = 0.1;
    private const string TransactionInstrument = "inventory.eventstore.batch.duration";

    private readonly MeterListener _listener = new();
    private readonly SampleLog<(long At, double Millis)> _answers = new();
    private readonly ConcurrentBag<(long At, double Millis, string State)> _storageWrites = [];
    private readonly SampleLog<(long At, double Millis)> _transactions = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly List<(long At, double MachineBusy, double MachineTotal, double ProcessSeconds)> _cpu = [];
    private readonly List<(long At, Dictionary<string, long> Jiffies)> _others = [];
    private readonly List<(long At, int Threads, long Queued)> _threadPool = [];
    private readonly List<(long At, PageFaults Faults)> _faults = [];
    private readonly List<(long At, long Methods, TimeSpan Time)> _jit = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly Thread _sampler;
    private readonly bool _byProcess;
    private volatile bool _stopping;

    public SlowAnswerTimeline(bool byProcess)
    {
        _byProcess = byProcess;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "orleans-storage-write-latency" or TransactionInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == TransactionInstrument)
            {
                _transactions.Add((Stopwatch.GetTimestamp(), value));
            }
            else
            {
                _storageWrites.Add((Stopwatch.GetTimestamp(), value, StateOf(tags)));
            }
        });
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _storageWrites.Add((Stopwatch.GetTimestamp(), value, StateOf(tags))));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) => _storageWrites.Add((Stopwatch.GetTimestamp(), value, StateOf(tags))));
        _listener.Start();
        _sampler = new Thread(SampleCpu) { IsBackground = true, Name = "cpu sampler" };
        _sampler.Start();
    }

    /// <summary>An answer to an operation scheduled at <paramref name="scheduledTimestamp"/>.</summary>
    public void Answer(long scheduledTimestamp, TimeSpan latency) => _answers.Add((scheduledTimestamp, latency.TotalMilliseconds));

    public void Dispose()
    {
        _listener.Dispose();
        _stopping = true;
        _sampler.Join();
    }

    /// <summary>
    /// The slow answers (over <paramref name="thresholdMillis"/>) grouped in episodes (runs of 100 ms of scheduled time
    /// that each had one), the largest first, each with the stalls, slow disk syncs and storage writes around it.
    /// </summary>
    public IReadOnlyList<string> Describe(
        IReadOnlyList<(long At, TimeSpan Length, int Generation)> stalls,
        IReadOnlyList<(long At, TimeSpan Length)> diskStalls,
        double thresholdMillis = 50,
        int top = 8)
    {
        Dispose();
        var slow = _answers.Where(a => a.Millis > thresholdMillis).Select(a => (At: Seconds(a.At), a.Millis)).OrderBy(a => a.At).ToList();
        var lines = new List<string>();
        var writes = _storageWrites.Select(w => (At: Seconds(w.At), w.Millis, w.State)).OrderBy(w => w.At).ToList();
        var transactions = _transactions.Select(t => (At: Seconds(t.At), t.Millis)).OrderBy(t => t.At).ToList();
        var stallsAt = stalls.Select(s => (At: Seconds(s.At), s.Length.TotalMilliseconds, s.Generation)).ToList();
        var diskStallsAt = diskStalls.Select(s => (At: Seconds(s.At), s.Length.TotalMilliseconds, Generation: -1)).ToList();
        lines.Add($"phase began {_startedAt:HH:mm:ss.fff} UTC (to match the database server's log); slow answers (over {thresholdMillis:N0} ms): {slow.Count:N0} of {_answers.Count:N0}; grain storage writes: {writes.Count:N0}"
            + $" ({writes.Sum(w => w.Millis):N0} ms in all, p99 {Distribution.Of(writes.Select(w => w.Millis)).P99:N0} ms);"
            + $" event store transactions: {transactions.Count:N0} (p99 {Distribution.Of(transactions.Select(t => t.Millis)).P99:N0} ms, longest {(transactions.Count == 0 ? 0 : transactions.Max(t => t.Millis)):N0} ms)");
        if (slow.Count == 0)
        {
            return lines;
        }

        var episodes = new List<(double From, double To, List<double> Millis)>();
        foreach (var (at, millis) in slow)
        {
            var bucket = Math.Floor(at / BucketSeconds) * BucketSeconds;
            if (episodes.Count > 0 && bucket <= episodes[^1].To + 1e-9)
            {
                episodes[^1] = (episodes[^1].From, bucket + BucketSeconds, episodes[^1].Millis);
                episodes[^1].Millis.Add(millis);
            }
            else
            {
                episodes.Add((bucket, bucket + BucketSeconds, [millis]));
            }
        }

        // A stall overlapping the episode or ending in the 100 ms before it; a write under way in it or ending in the
        // 200 ms before it.
        List<(double At, double TotalMilliseconds, int Generation)> StallsNear(double from, double to) => Near(stallsAt, from, to);
        List<(double At, double TotalMilliseconds, int Generation)> DiskStallsNear(double from, double to) => Near(diskStallsAt, from, to);
        List<(double At, double Millis, string State)> WritesDuring(double from, double to) =>
            writes.Where(w => w.At >= from - 0.2 && w.At - w.Millis / 1000 <= to).ToList();

        List<(double At, double Millis)> TransactionsDuring(double from, double to) =>
            transactions.Where(t => t.At >= from - 0.2 && t.At - t.Millis / 1000 <= to).ToList();

        var withStall = episodes.Where(e => StallsNear(e.From, e.To).Count > 0).Sum(e => e.Millis.Count);
        var withWrites = episodes.Where(e => WritesDuring(e.From, e.To).Count > 0).Sum(e => e.Millis.Count);
        var withDiskStall = episodes.Where(e => DiskStallsNear(e.From, e.To).Count > 0).Sum(e => e.Millis.Count);
        lines.Add($"CPU over the whole phase: {CpuBetween(0, double.MaxValue)} ({TopOthers(0, double.MaxValue)}); {FaultsBetween(0, double.MaxValue)};"
            + $" in its first second {JitBetween(-1, 1)}, in all {JitBetween(-1, double.MaxValue)}");
        lines.Add($"in {episodes.Count} episodes; slow answers in episodes with a stall of the process near: {withStall:N0}, with a slow disk sync near: {withDiskStall:N0}, with storage writes under way: {withWrites:N0}");
        foreach (var (from, to, millis) in episodes.OrderByDescending(e => e.Millis.Count).Take(top).OrderBy(e => e.From))
        {
            var near = StallsNear(from, to).Select(s => $"{s.TotalMilliseconds:N0} ms at {s.At:N2} s{(s.Generation >= 0 ? $" gen{s.Generation}" : "")}");
            var disk = DiskStallsNear(from, to).Select(s => $"{s.TotalMilliseconds:N0} ms at {s.At:N2} s");
            var during = WritesDuring(from, to);
            var commits = TransactionsDuring(from, to);
            lines.Add($"  {from,5:N1}-{to,5:N1} s: {millis.Count,5:N0} slow, max {millis.Max(),5:N0} ms; stalls: [{string.Join(", ", near)}]; disk syncs over 20 ms: [{string.Join(", ", disk)}];"
                + $" storage writes under way: {during.Count} ({during.Sum(w => w.Millis):N0} ms, longest {(during.Count == 0 ? 0 : during.Max(w => w.Millis)):N0} ms"
                + $"{string.Concat(during.GroupBy(w => w.State).OrderByDescending(g => g.Count()).Select(g => $"; {g.Count()} {g.Key}"))});"
                + $" event store transactions under way: {commits.Count}, longest {(commits.Count == 0 ? 0 : commits.Max(t => t.Millis)):N0} ms;"
                + $" CPU from 0.2 s before: {CpuBetween(from - 0.2, to)} ({TopOthers(from - 0.2, to)}); {ThreadPoolBetween(from - 0.2, to)}; {FaultsBetween(from - 0.2, to)}; {JitBetween(from - 0.2, to)}");
        }

        return lines;
    }

    /// <summary>The stalls overlapping <paramref name="from"/>..<paramref name="to"/> or ending in the 100 ms before it.</summary>
    private static List<(double At, double TotalMilliseconds, int Generation)> Near(
        List<(double At, double TotalMilliseconds, int Generation)> stalls, double from, double to) =>
        stalls.Where(s => s.At + s.TotalMilliseconds / 1000 >= from - 0.1 && s.At <= to).ToList();

    /// <summary>The written state's type, shortened (Orleans tags its storage instruments with it).</summary>
    private static string StateOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            if (key == "state_type" && value is string type)
            {
                var open = type.IndexOf("[[", StringComparison.Ordinal);
                var outer = Short(open < 0 ? type : type[..open]);
                return open < 0 ? outer : $"{outer}<{Short(type[(open + 2)..].Split(',', ']')[0])}>";
            }
        }

        return "state";

        static string Short(string name)
        {
            var generic = name.IndexOf('`', StringComparison.Ordinal);
            name = generic < 0 ? name : name[..generic];
            return name[(name.LastIndexOf('.') + 1)..];
        }
    }

    private double Seconds(long timestamp) => (timestamp - _start) / (double)Stopwatch.Frequency;

    /// <summary>Cores used by this process and by the rest of the machine between two times (seconds from the start).</summary>
    private string CpuBetween(double from, double to)
    {
        var samples = _cpu.Where(c => Seconds(c.At) >= from && Seconds(c.At) <= to).ToList();
        if (samples.Count < 2 || samples[^1].MachineTotal <= samples[0].MachineTotal)
        {
            return "not sampled";
        }

        var (first, last) = (samples[0], samples[^1]);
        var wall = Seconds(last.At) - Seconds(first.At);
        var machine = (last.MachineBusy - first.MachineBusy) / (last.MachineTotal - first.MachineTotal) * CpuUse.MachineCores;
        var process = (last.ProcessSeconds - first.ProcessSeconds) / wall;
        return $"this process {process:N2} cores, the rest {machine - process:N2}";
    }

    /// <summary>The thread pool between two times, as sampled every 50 ms: work queued for it (which the stall meter's
    /// own thread does not see) and its threads.</summary>
    private string ThreadPoolBetween(double from, double to)
    {
        var samples = _threadPool.Where(t => Seconds(t.At) >= from && Seconds(t.At) <= to).ToList();
        return samples.Count == 0
            ? "thread pool not sampled"
            : $"thread pool: up to {samples.Max(t => t.Queued):N0} work items queued, {samples.Min(t => t.Threads)}-{samples.Max(t => t.Threads)} threads";
    }

    /// <summary>Pages read back in between two times, as sampled every 50 ms (see <see cref="PageFaults"/>).</summary>
    private string FaultsBetween(double from, double to)
    {
        var samples = _faults.Where(f => Seconds(f.At) >= from && Seconds(f.At) <= to).ToList();
        return samples.Count < 2 ? "page faults not sampled" : $"page faults: {samples[^1].Faults - samples[0].Faults}";
    }

    /// <summary>Methods the JIT compiled between two times (tier-ups of code that only now reached its call count
    /// included), and its CPU time.</summary>
    private string JitBetween(double from, double to)
    {
        var samples = _jit.Where(j => Seconds(j.At) >= from && Seconds(j.At) <= to).ToList();
        return samples.Count < 2
            ? "JIT not sampled"
            : $"JIT: {samples[^1].Methods - samples[0].Methods:N0} methods in {(samples[^1].Time - samples[0].Time).TotalMilliseconds:N0} ms";
    }

    private void SampleCpu()
    {
        while (!_stopping)
        {
            if (CpuUse.ReadMachine() is { } machine)
            {
                _cpu.Add((Stopwatch.GetTimestamp(), machine.Busy, machine.Total, Environment.CpuUsage.TotalTime.TotalSeconds));
                _threadPool.Add((Stopwatch.GetTimestamp(), ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount));
                _jit.Add((Stopwatch.GetTimestamp(), JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime()));
                if (PageFaults.Read() is { } faults)
                {
                    _faults.Add((Stopwatch.GetTimestamp(), faults));
                }
                if (_byProcess)
                {
                    _others.Add((Stopwatch.GetTimestamp(), OtherProcesses()));
                }
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>CPU jiffies so far of the other processes, by name (a PostgreSQL process by its role: checkpointer,
    /// autovacuum worker, a client backend...), dead processes' last figures included.</summary>
    private Dictionary<string, long> OtherProcesses()
    {
        var jiffies = _others.Count == 0 ? new Dictionary<string, long>(StringComparer.Ordinal) : new Dictionary<string, long>(_others[^1].Jiffies, StringComparer.Ordinal);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText($"{directory}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var used = long.Parse(fields[11]) + long.Parse(fields[12]);
                if (!_names.TryGetValue(pid, out var name))
                {
                    var command = File.ReadAllText($"{directory}/cmdline").Replace('\0', ' ').Trim();
                    name = command.StartsWith("postgres: ", StringComparison.Ordinal)
                        ? "postgres: " + string.Join(' ', command.Split(' ').Skip(1).Where(w => !w.Contains('(') && !w.Contains('.')).Take(3))
                        : stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                    _names[pid] = name;
                }

                seen[$"{name}#{pid}"] = used;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }

        foreach (var (key, used) in seen)
        {
            jiffies[key] = used;
        }

        return jiffies;
    }

    /// <summary>The other processes that used the most CPU between two times, in cores, by name.</summary>
    private string TopOthers(double from, double to)
    {
        var samples = _others.Where(c => Seconds(c.At) >= from && Seconds(c.At) <= to).ToList();
        if (samples.Count < 2)
        {
            return "by process: --cpu-by-process";
        }

        var wall = Seconds(samples[^1].At) - Seconds(samples[0].At);
        var ticksPerSecond = 100.0;
        var byName = samples[^1].Jiffies
            .Select(p => (Name: p.Key[..p.Key.LastIndexOf('#')], Used: p.Value - samples[0].Jiffies.GetValueOrDefault(p.Key)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Cores: g.Sum(p => p.Used) / ticksPerSecond / wall))
            .Where(g => g.Cores >= 0.05)
            .OrderByDescending(g => g.Cores)
            .Take(4);
        return string.Join(", ", byName.Select(g => $"{g.Name} {g.Cores:N2}"));
    }
}
