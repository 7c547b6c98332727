using System.Diagnostics.Metrics;
using Inventory.EventStore.Postgres;

namespace Inventory.Benchmark;

/// <summary>Listens to the grains' <c>inventory.append.duration</c> (how long the event store took to confirm each
/// item's append) and to the store's own batch metrics (how many appends went to PostgreSQL per transaction, and how
/// long each transaction took), to tell store latency and coalescing from queueing in the breakdown.</summary>
internal sealed class AppendLatencyListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private SampleLog<double> _appendMillis = new();
    private SampleLog<double> _batchMillis = new();
    private SampleLog<double> _queuedMillis = new();
    private SampleLog<int> _batchRequests = new();

    public AppendLatencyListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == InventoryMetrics.MeterName && instrument.Name == "inventory.append.duration")
                || instrument.Meter.Name == PostgresEventStore.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            (instrument.Name switch
            {
                "inventory.append.duration" => _appendMillis,
                "inventory.eventstore.append.queued" => _queuedMillis,
                _ => _batchMillis,
            }).Add(value));
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) => _batchRequests.Add(value));
        _listener.Start();
    }

    /// <summary>The appends and the store's transactions since the last call.</summary>
    public AppendSummary TakeSummary()
    {
        var appends = Sorted(Interlocked.Exchange(ref _appendMillis, new()));
        var batches = Sorted(Interlocked.Exchange(ref _batchMillis, new()));
        var queued = Sorted(Interlocked.Exchange(ref _queuedMillis, new()));
        var requests = Interlocked.Exchange(ref _batchRequests, new()).ToArray();
        return new AppendSummary(
            appends.Length, At(appends, 0.5), At(appends, 0.99),
            At(queued, 0.5), At(queued, 0.99),
            batches.Length, requests.Length == 0 ? double.NaN : requests.Average(), At(batches, 0.5), At(batches, 0.99));
    }

    public void Dispose() => _listener.Dispose();

    private static double[] Sorted(SampleLog<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>Items' appends (count, p50, p99 ms; how long they waited in the store's queue) and the PostgreSQL transactions that carried them (count, mean appends
/// per transaction, p50, p99 ms).</summary>
internal sealed record AppendSummary(int Appends, double AppendP50, double AppendP99, double QueuedP50, double QueuedP99, int Batches, double MeanBatch, double BatchP50, double BatchP99)
{
    public override string ToString() =>
        $"{Appends:N0} item appends confirmed: p50 {AppendP50:N2} ms, p99 {AppendP99:N2} ms, of which queued for a writer p50 {QueuedP50:N2} ms, p99 {QueuedP99:N2} ms; "
        + $"in {Batches:N0} transactions of {MeanBatch:N1} appends on average: p50 {BatchP50:N2} ms, p99 {BatchP99:N2} ms";
}
