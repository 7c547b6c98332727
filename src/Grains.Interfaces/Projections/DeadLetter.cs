namespace Inventory.Contracts.Projections;

/// <summary>An event a projection could not apply after its retries, parked so that the projection goes on.
/// <see cref="Id"/> is assigned by the store; <see cref="RedrivenAt"/> is set once it was applied again.</summary>
[GenerateSerializer, Immutable, Alias("dead-letter")]
public sealed record DeadLetter(
    [property: Id(0)] long Id,
    [property: Id(1)] string Projection,
    [property: Id(2)] string Partition,
    [property: Id(3)] Guid EventId,
    [property: Id(4)] string StreamId,
    [property: Id(5)] int Version,
    [property: Id(6)] long Position,
    [property: Id(7)] string EventType,
    [property: Id(8)] string Error,
    [property: Id(9)] int Attempts,
    [property: Id(10)] DateTimeOffset ParkedAt,
    [property: Id(11)] DateTimeOffset? RedrivenAt);
