using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>Listens to the in-silo histogram <c>inventory.projection.freshness</c> (ms from an event's recorded time to
/// its being applied in a view), per projection (tag <c>projection</c>).</summary>
internal sealed class FreshnessListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private ConcurrentDictionary<string, ConcurrentBag<double>> _byProjection = new(StringComparer.Ordinal);

    public FreshnessListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.MeterName && instrument.Name == "inventory.projection.freshness")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var projection = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "projection")
                {
                    projection = tag.Value as string ?? "?";
                }
            }

            _byProjection.GetOrAdd(projection, _ => []).Add(value);
        });
        _listener.Start();
    }

    /// <summary>The distribution per projection of what was measured since the last call (and starts afresh).</summary>
    public IReadOnlyDictionary<string, Distribution> Take()
    {
        var taken = Interlocked.Exchange(ref _byProjection, new(StringComparer.Ordinal));
        return taken.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Distribution.Of(p.Value), StringComparer.Ordinal);
    }

    public void Dispose() => _listener.Dispose();
}
