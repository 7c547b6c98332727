using System.Diagnostics.Metrics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;

namespace Inventory.StockItems;

/// <summary>The write side's metrics (meter <see cref="MeterName"/>): movements decided, races lost, appends' latency and
/// failures.</summary>
public sealed class StockItemMetrics
{
    public const string MeterName = "Inventory.StockItems";

    private readonly Counter<long> _movements;
    private readonly Counter<long> _conflicts;
    private readonly Histogram<double> _appendDuration;
    private readonly Counter<long> _appendFailures;

    public StockItemMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _movements = meter.CreateCounter<long>("inventory.movements", "{movement}", "Stock movements decided, by outcome (applied, duplicate, rejected).");
        _conflicts = meter.CreateCounter<long>("inventory.append.conflicts", "{conflict}", "Appends that lost the race for a stream's next version and were decided again.");
        _appendDuration = meter.CreateHistogram<double>("inventory.append.duration", "ms", "Time for the event store to confirm an append batch of one stream.");
        _appendFailures = meter.CreateCounter<long>("inventory.append.failures", "{append}", "Appends the event store failed or did not confirm in time (answered storage-unavailable).");
    }

    public void MovementDecided(string outcome) => _movements.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ConcurrencyConflict() => _conflicts.Add(1);

    public void AppendFailed() => _appendFailures.Add(1);

    public void AppendCompleted(TimeSpan elapsed, AppendStatus status) =>
        _appendDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("status", status.ToString()));
}
