namespace Inventory.Api.Contracts;

/// <summary>A projection's figures: generation, health (<c>live</c>, <c>catchingUp</c>, <c>rebuilding</c>,
/// <c>stalled</c>), checkpoint against the store's head, lag in events and milliseconds, last applied time, open dead
/// letters, partitions, a rebuild in progress.</summary>
public sealed record ProjectionStatusResponse(
    string Name,
    int Generation,
    string Health,
    LogPositionResponse Checkpoint,
    long HeadPosition,
    long LagEvents,
    double LagMilliseconds,
    DateTimeOffset? LastAppliedAt,
    long DeadLetters,
    int Partitions,
    RebuildProgressResponse? Rebuild,
    DateTimeOffset MeasuredAt);
