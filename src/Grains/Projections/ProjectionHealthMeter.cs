using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// Measures how a projection is doing: how far its catch-up is behind the log (in events, see
/// <see cref="ProjectionLag"/>, and in the age of the oldest committed event not caught up), its open dead letters, and
/// its health (<see cref="Assess"/>). It counts as progress when catch-up delivers events and when nothing is pending.
/// </summary>
public sealed class ProjectionHealthMeter(string projection, IEventLog log, IDeadLetterStore deadLetters, ProjectionOptions options, TimeProvider time)
{
    /// <summary>How often the coordinator's tick measures (for the metrics) when nobody asks.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private DateTimeOffset _lastProgressAt = time.GetUtcNow();
    private DateTimeOffset _lastMeasuredAt;

    /// <summary>Whether the last measurement is <see cref="Interval"/> old.</summary>
    public bool Due => time.GetUtcNow() - _lastMeasuredAt >= Interval;

    /// <summary>Catch-up delivered events at <paramref name="at"/>.</summary>
    public void Progressed(DateTimeOffset at) => _lastProgressAt = at;

    /// <summary>Measures the projection whose catch-up has read up to <paramref name="position"/>.</summary>
    public async Task<HealthReading> MeasureAsync(LogPosition position, bool rebuilding)
    {
        var now = time.GetUtcNow();
        var head = await log.ReadHeadAsync(position, ProjectionLag.CountedUpTo);
        var open = await deadLetters.CountOpenAsync();
        if (head.Pending == 0)
        {
            _lastProgressAt = now;
        }

        var lag = head.OldestPendingRecordedAt is { } oldest ? Math.Max((now - oldest).TotalMilliseconds, 0) : 0;
        _lastMeasuredAt = now;
        return new HealthReading(
            Assess(head.Pending, lag, now - _lastProgressAt, rebuilding, options),
            head.Position,
            ProjectionLag.Events(head, position),
            lag,
            open.GetValueOrDefault(projection),
            now);
    }

    /// <summary>Stalled: events are pending and catch-up has not moved for <see cref="ProjectionOptions.StallAfter"/>
    /// (a rebuild too can stall); else rebuilding while a rebuild runs; else live when nothing is pending or the oldest
    /// pending event is younger than <see cref="ProjectionOptions.LiveLag"/>; else catching up.</summary>
    public static ProjectionHealth Assess(long pending, double lagMilliseconds, TimeSpan sinceProgress, bool rebuilding, ProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return pending > 0 && sinceProgress > options.StallAfter ? ProjectionHealth.Stalled
            : rebuilding ? ProjectionHealth.Rebuilding
            : pending == 0 || lagMilliseconds < options.LiveLag.TotalMilliseconds ? ProjectionHealth.Live
            : ProjectionHealth.CatchingUp;
    }
}
