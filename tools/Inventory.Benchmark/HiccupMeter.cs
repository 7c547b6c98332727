using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>
/// Measures how long this process could not run (in the manner of jHiccup): a dedicated thread asks to sleep 1 ms
/// over and over and records by how much it woke late. A late wake-up is a stall that every request in flight sat
/// through too: a garbage collection that suspended the process, or the machine's cores being taken by something
/// else. Each stall is counted as one of the GC's when a collection ran while it lasted (gen N: the oldest generation
/// collected then).
/// </summary>
internal sealed class HiccupMeter : IDisposable
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(10);

    private readonly Thread _thread;
    private readonly List<(TimeSpan At, TimeSpan Length, int Generation)> _stalls = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _started = Stopwatch.GetTimestamp();
    private volatile bool _stopping;

    public HiccupMeter()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "hiccup meter", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    /// <summary>The stalls so far: when each began (a <see cref="Stopwatch"/> timestamp), how long it lasted, and the
    /// oldest generation collected during it (-1: none).</summary>
    public IReadOnlyList<(long At, TimeSpan Length, int Generation)> Stalls =>
        [.. _stalls.ToArray().Select(s => (_started + (long)(s.At.TotalSeconds * Stopwatch.Frequency), s.Length, s.Generation))];

    /// <summary>Stops measuring and describes the stalls of at least 10 ms.</summary>
    public string Summarise()
    {
        Dispose();
        var elapsed = _clock.Elapsed;
        if (_stalls.Count == 0)
        {
            return $"stalls of the process over {Threshold.TotalMilliseconds:N0} ms: none in {elapsed.TotalSeconds:N1} s";
        }

        var total = TimeSpan.FromTicks(_stalls.Sum(s => s.Length.Ticks));
        var gc = _stalls.Where(s => s.Generation >= 0).ToList();
        var longest = _stalls.OrderByDescending(s => s.Length).Take(5).Select(s => $"{s.Length.TotalMilliseconds:N0} ms at {s.At.TotalSeconds:N1} s{(s.Generation >= 0 ? $" (GC gen{s.Generation})" : "")}");
        return $"stalls of the process over {Threshold.TotalMilliseconds:N0} ms: {_stalls.Count} in {elapsed.TotalSeconds:N1} s, {total.TotalMilliseconds:N0} ms in all"
            + $" ({gc.Count} of them while a GC ran, {gc.Sum(s => s.Length.TotalMilliseconds):N0} ms); longest: {string.Join(", ", longest)}";
    }

    private void Run()
    {
        var interval = TimeSpan.FromMilliseconds(1);
        while (!_stopping)
        {
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var before = _clock.Elapsed;
            Thread.Sleep(interval);
            var late = _clock.Elapsed - before - interval;
            if (late >= Threshold)
            {
                var generation = Enumerable.Range(0, 3).LastOrDefault(g => GC.CollectionCount(g) != collections[g], -1);
                _stalls.Add((before, late, generation));
            }
        }
    }
}
