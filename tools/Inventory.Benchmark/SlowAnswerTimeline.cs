using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inventory.Benchmark;

/// <summary>
/// Where in an open-loop phase the slow answers were, and what else the process did then: each answer's scheduled
/// time and latency, the grain storage writes (Orleans' <c>orleans-storage-write-latency</c>: the projection shards'
/// checkpoints and the coordinators' own state) and the process's stalls (<see cref="HiccupMeter"/>). A diagnostic for
/// the latency tail: it says whether the slow answers bunch up, and next to what.
/// </summary>
internal sealed class SlowAnswerTimeline : IDisposable
{
    private static readonly double BucketSeconds = 0.1;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<(long At, double Millis)> _answers = [];
    private readonly ConcurrentBag<(long At, double Millis)> _storageWrites = [];
    private readonly long _start = Stopwatch.GetTimestamp();

    public SlowAnswerTimeline()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "orleans-storage-write-latency")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _storageWrites.Add((Stopwatch.GetTimestamp(), value)));
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _storageWrites.Add((Stopwatch.GetTimestamp(), value)));
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) => _storageWrites.Add((Stopwatch.GetTimestamp(), value)));
        _listener.Start();
    }

    /// <summary>An answer to an operation scheduled at <paramref name="scheduledTimestamp"/>.</summary>
    public void Answer(long scheduledTimestamp, TimeSpan latency) => _answers.Add((scheduledTimestamp, latency.TotalMilliseconds));

    public void Dispose() => _listener.Dispose();

    /// <summary>
    /// The slow answers (over <paramref name="thresholdMillis"/>) grouped in episodes (runs of 100 ms of scheduled time
    /// that each had one), the largest first, each with the stalls and storage writes around it.
    /// </summary>
    public IReadOnlyList<string> Describe(IReadOnlyList<(long At, TimeSpan Length, int Generation)> stalls, double thresholdMillis = 50, int top = 8)
    {
        Dispose();
        double Seconds(long timestamp) => (timestamp - _start) / (double)Stopwatch.Frequency;

        var slow = _answers.Where(a => a.Millis > thresholdMillis).Select(a => (At: Seconds(a.At), a.Millis)).OrderBy(a => a.At).ToList();
        var lines = new List<string>();
        var writes = _storageWrites.Select(w => (At: Seconds(w.At), w.Millis)).OrderBy(w => w.At).ToList();
        var stallsAt = stalls.Select(s => (At: Seconds(s.At), s.Length.TotalMilliseconds, s.Generation)).ToList();
        lines.Add($"slow answers (over {thresholdMillis:N0} ms): {slow.Count:N0} of {_answers.Count:N0}; grain storage writes: {writes.Count:N0}"
            + $" ({writes.Sum(w => w.Millis):N0} ms in all, p99 {Percentile(writes.Select(w => w.Millis), 0.99):N0} ms)");
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

        var withStall = 0;
        var withWrites = 0;
        foreach (var (from, to, millis) in episodes)
        {
            var near = stallsAt.Any(s => s.At + s.TotalMilliseconds / 1000 >= from - 0.1 && s.At <= to);
            var writing = writes.Any(w => w.At >= from - 0.2 && w.At - w.Millis / 1000 <= to);
            withStall += near ? millis.Count : 0;
            withWrites += writing ? millis.Count : 0;
        }

        lines.Add($"in {episodes.Count} episodes; slow answers in episodes with a stall of the process near: {withStall:N0}, with storage writes under way: {withWrites:N0}");
        foreach (var (from, to, millis) in episodes.OrderByDescending(e => e.Millis.Count).Take(top).OrderBy(e => e.From))
        {
            var near = stallsAt.Where(s => s.At + s.TotalMilliseconds / 1000 >= from - 0.1 && s.At <= to)
                .Select(s => $"{s.TotalMilliseconds:N0} ms at {s.At:N2} s{(s.Generation >= 0 ? $" gen{s.Generation}" : "")}");
            var during = writes.Where(w => w.At >= from - 0.2 && w.At - w.Millis / 1000 <= to).ToList();
            lines.Add($"  {from,5:N1}-{to,5:N1} s: {millis.Count,5:N0} slow, max {millis.Max(),5:N0} ms; stalls: [{string.Join(", ", near)}];"
                + $" storage writes ending then: {during.Count} ({during.Sum(w => w.Millis):N0} ms, longest {(during.Count == 0 ? 0 : during.Max(w => w.Millis)):N0} ms)");
        }

        return lines;
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
