using System.Collections.Concurrent;

namespace Inventory.Benchmark;

/// <summary>Collects per-operation latencies (thread-safe), optionally by kind of operation, and summarises them.</summary>
internal sealed class LatencyRecorder
{
    private readonly SampleLog<double> _millis = new();
    private readonly ConcurrentDictionary<string, SampleLog<double>> _kinds = new(StringComparer.Ordinal);
    private long _errors;
    private long _rejected;

    public void Record(TimeSpan elapsed) => _millis.Add(elapsed.TotalMilliseconds);

    /// <summary>Records an operation, and also under <paramref name="kind"/>.</summary>
    public void Record(TimeSpan elapsed, string kind)
    {
        Record(elapsed);
        _kinds.GetOrAdd(kind, _ => new()).Add(elapsed.TotalMilliseconds);
    }

    public void Error() => Interlocked.Increment(ref _errors);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    /// <summary>p50/p90/p99/max of what was recorded so far.</summary>
    public Distribution Spread() => Distribution.Of(_millis);

    public LatencySummary Summarise(TimeSpan duration)
    {
        var sorted = _millis.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Interlocked.Read(ref _errors), Interlocked.Read(ref _rejected), sorted.Length / duration.TotalSeconds,
            Distribution.Percentile(sorted, 0.50), Distribution.Percentile(sorted, 0.99))
        {
            ByKind = [.. _kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, Distribution.Of(k.Value)))],
        };
    }
}

/// <summary>Operations answered (and of them refused by a stock rule), errors, rate, and latency percentiles.</summary>
internal sealed record LatencySummary(int Count, long Errors, long Rejected, double PerSecond, double P50Millis, double P99Millis)
{
    /// <summary>The spread per kind of operation, when the operations were recorded with kinds.</summary>
    public IReadOnlyList<(string Kind, Distribution Spread)> ByKind { get; init; } = [];

    public override string ToString() =>
        $"{PerSecond:N0}/s, p50 {P50Millis:N2} ms, p99 {P99Millis:N2} ms ({Count:N0} answered, {Rejected:N0} of them refused by a stock rule, {Errors:N0} errors)";
}
