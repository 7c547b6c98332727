namespace Inventory.Api.Contracts;

/// <summary>An event a projection could not apply, parked; <see cref="RedrivenAt"/> is set once it was applied again.</summary>
public sealed record DeadLetterResponse(
    long Id,
    string Projection,
    string Partition,
    Guid EventId,
    string StreamId,
    int Version,
    long Position,
    string EventType,
    string Error,
    int Attempts,
    DateTimeOffset ParkedAt,
    DateTimeOffset? RedrivenAt);
