using System.Collections.Concurrent;

namespace Inventory.Benchmark;

/// <summary>Collects per-operation latencies (thread-safe) and summarises them.</summary>
internal sealed class LatencyRecorder
{
    private readonly SampleLog<double> _millis = new();
    private readonly ConcurrentDictionary<string, SampleLog<double>> _classes = new(StringComparer.Ordinal);
    private long _errors;
    private long _rejected;

    public void Record(TimeSpan elapsed) => _millis.Add(elapsed.TotalMilliseconds);

    /// <summary>Records an operation, and also under <paramref name="kind"/> (see <see cref="SpreadByKind"/>).</summary>
    public void Record(TimeSpan elapsed, string kind)
    {
        Record(elapsed);
        _classes.GetOrAdd(kind, _ => new()).Add(elapsed.TotalMilliseconds);
    }

    public void Error() => Interlocked.Increment(ref _errors);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    /// <summary>p50/p90/p99/max of what was recorded so far.</summary>
    public Distribution Spread() => Distribution.Of(_millis);

    /// <summary>p50/p90/p99/max per kind of operation recorded with one, by name.</summary>
    public IReadOnlyList<(string Kind, Distribution Spread)> SpreadByKind() =>
        [.. _classes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, Distribution.Of(c.Value)))];

    public LatencySummary Summarise(TimeSpan duration)
    {
        var sorted = _millis.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Interlocked.Read(ref _errors), Interlocked.Read(ref _rejected), sorted.Length / duration.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99))
        {
            ByKind = SpreadByKind(),
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

internal sealed record LatencySummary(int Count, long Errors, long Rejected, double PerSecond, double P50Millis, double P99Millis)
{
    /// <summary>The spread per kind of operation, when the operations were recorded with kinds.</summary>
    public IReadOnlyList<(string Kind, Distribution Spread)> ByKind { get; init; } = [];

    public override string ToString() => $"{PerSecond,9:N0}/s  p50 {P50Millis,7:N2} ms  p99 {P99Millis,7:N2} ms  ({Count:N0} answered, {Rejected:N0} of them refused by a stock rule, {Errors:N0} errors)";
}
