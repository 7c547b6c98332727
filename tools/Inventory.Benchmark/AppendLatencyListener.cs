using System.Diagnostics.Metrics;
using Inventory.Contracts.StockItems;
using Inventory.EventStore.Postgres;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>Listens to the items' <c>inventory.append.duration</c> and to the event store's batch metrics (appends per
/// PostgreSQL transaction, the transaction's time, an append's wait for a writer): what explains a phase's latency.</summary>
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
            if ((instrument.Meter.Name == StockItemMetrics.MeterName && instrument.Name == "inventory.append.duration")
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
        var appends = Distribution.Of(Interlocked.Exchange(ref _appendMillis, new()));
        var queued = Distribution.Of(Interlocked.Exchange(ref _queuedMillis, new()));
        var batches = Distribution.Of(Interlocked.Exchange(ref _batchMillis, new()));
        var requests = Interlocked.Exchange(ref _batchRequests, new()).ToArray();
        return new AppendSummary(appends, queued, batches, requests.Length == 0 ? double.NaN : requests.Average());
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Items' appends (ms until confirmed; of which waiting for a writer) and the PostgreSQL transactions that
/// carried them (ms, and appends per transaction on average).</summary>
internal sealed record AppendSummary(Distribution Appends, Distribution Queued, Distribution Transactions, double AppendsPerTransaction)
{
    /// <summary>Coalescing and the store's latency, in one phrase.</summary>
    public string Short => Transactions.Count == 0
        ? "no event store transaction"
        : $"{AppendsPerTransaction:N1} appends per transaction, transaction p99 {Transactions.P99:N1} ms";

    public override string ToString() =>
        $"{Appends.Count:N0} item appends: p50 {Appends.P50:N2} ms, p99 {Appends.P99:N2} ms, of which waiting for a writer p50 {Queued.P50:N2} ms, p99 {Queued.P99:N2} ms; "
        + $"{Transactions.Count:N0} transactions of {AppendsPerTransaction:N1} appends: p50 {Transactions.P50:N2} ms, p99 {Transactions.P99:N2} ms";
}
