using System.Diagnostics.Metrics;
using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>Counts, while it lives, the events whose payload the projections' catch-up read from the event store
/// (<see cref="ProjectionMetrics.CaughtUpWholeName"/>, every projection of the silo in this process): the database's
/// work that reading the log's entries first is meant to save, without the noise of its CPU figures.</summary>
internal sealed class CatchUpReads : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _events;

    public CatchUpReads()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.MeterName && instrument.Name == ProjectionMetrics.CaughtUpWholeName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _events, value));
        _listener.Start();
    }

    public long Events => Interlocked.Read(ref _events);

    public void Dispose() => _listener.Dispose();
}
