using System.Diagnostics.Metrics;
using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The read side's metrics (meter <see cref="MeterName"/>): events applied and their freshness, dead letters,
/// and each projection's lag, checkpoint and health as gauges, reported by the silo where its coordinator runs.</summary>
public sealed class ProjectionMetrics
{
    public const string MeterName = "Inventory.Projections";

    /// <summary>The counter of events a projection's catch-up read whole from the event store.</summary>
    public const string CaughtUpWholeName = "inventory.projection.catchup.read_whole";

    private readonly Counter<long> _projected;
    private readonly Histogram<double> _freshness;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _caughtUpWhole;
    private readonly ProjectionStatusBoard _board;

    public ProjectionMetrics(IMeterFactory meterFactory, ProjectionStatusBoard board)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(board);
        _board = board;
        var meter = meterFactory.Create(MeterName);
        _projected = meter.CreateCounter<long>("inventory.projection.applied", "{event}", "Events applied to a projection's views, by projection.");
        _freshness = meter.CreateHistogram<double>("inventory.projection.freshness", "ms", "From an event's recorded time to its being visible in a projection's view.");
        _caughtUpWhole = meter.CreateCounter<long>(CaughtUpWholeName, "{event}",
            "Events whose payload a projection's catch-up read from the event store (the live path had not brought them, or catch-up read whole pages).");
        _deadLettered = meter.CreateCounter<long>("inventory.projection.dead_lettered", "{event}", "Events a projection parked as dead letters after its retries.");
        meter.CreateObservableGauge("inventory.projection.lag.events", () => board.Measure(s => s.LagEvents), "{event}", "Committed events a projection has not caught up with yet.");
        meter.CreateObservableGauge("inventory.projection.lag.time", () => board.Measure(s => s.LagMilliseconds), "ms", "Age of the oldest committed event a projection has not caught up with yet (0 when none).");
        meter.CreateObservableGauge("inventory.projection.checkpoint", () => board.Measure(s => s.Checkpoint.Position), "{position}", "Global position of a projection's last caught-up event.");
        meter.CreateObservableGauge("inventory.projection.head", () => board.Measure(s => s.HeadPosition), "{position}", "Highest global position in the event store.");
        meter.CreateObservableGauge("inventory.projection.dead_letters", () => board.Measure(s => s.DeadLetters), "{event}", "Open dead letters of a projection.");
        meter.CreateObservableGauge("inventory.projection.health", () => board.Measure(s => (int)s.Health), "{state}", "0 live, 1 catching up, 2 rebuilding, 3 stalled.");
    }

    public void Applied(string projection, TimeSpan freshness)
    {
        var tag = new KeyValuePair<string, object?>("projection", projection);
        _projected.Add(1, tag);
        _freshness.Record(Math.Max(freshness.TotalMilliseconds, 0), tag);
    }

    /// <summary>The latest figures of a projection whose coordinator runs in this silo, for the gauges.</summary>
    public void Measured(ProjectionStatus status) => _board.Post(status);

    /// <summary>The projection's coordinator left this silo; another silo reports it now.</summary>
    public void Left(string projection) => _board.Remove(projection);

    /// <summary>Catch-up read <paramref name="events"/> of <paramref name="projection"/> whole from the event store.</summary>
    public void CaughtUpWhole(string projection, long events)
    {
        if (events > 0)
        {
            _caughtUpWhole.Add(events, new KeyValuePair<string, object?>("projection", projection));
        }
    }

    public void DeadLettered(string projection) => _deadLettered.Add(1, new KeyValuePair<string, object?>("projection", projection));
}
