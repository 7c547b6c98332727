using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Inventory.Benchmark;

/// <summary>Listens to the grains' own <c>inventory.append.duration</c> metric: how long the event store took to
/// confirm each append batch, to tell store latency from queueing in the breakdown.</summary>
internal sealed class AppendLatencyListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private ConcurrentBag<double> _millis = [];

    public AppendLatencyListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InventoryMetrics.MeterName && instrument.Name == "inventory.append.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _millis.Add(value));
        _listener.Start();
    }

    /// <summary>p50 and p99 of the appends since the last call, and how many there were.</summary>
    public (int Count, double P50, double P99) TakeSummary()
    {
        var sorted = Interlocked.Exchange(ref _millis, []).ToArray();
        Array.Sort(sorted);
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (sorted.Length, At(0.5), At(0.99));
    }

    public void Dispose() => _listener.Dispose();
}
