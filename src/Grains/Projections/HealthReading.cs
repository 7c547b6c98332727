using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>One measurement of a projection by <see cref="ProjectionHealthMeter"/>: its health, the log's head, how far
/// catch-up is behind it (events; milliseconds: the age of the oldest event not caught up), and its open dead letters.</summary>
public sealed record HealthReading(
    ProjectionHealth Health,
    long HeadPosition,
    long LagEvents,
    double LagMilliseconds,
    long DeadLetters,
    DateTimeOffset MeasuredAt);
