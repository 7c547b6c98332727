namespace Inventory.Api.Contracts;

/// <summary>A rebuild in progress: the generation being built, where it is, events applied, rate, and whether it already
/// shadows the live path.</summary>
public sealed record RebuildProgressResponse(
    int Generation,
    LogPositionResponse Checkpoint,
    long Applied,
    double EventsPerSecond,
    DateTimeOffset StartedAt,
    bool Shadowing);
