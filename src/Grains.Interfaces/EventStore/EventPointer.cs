namespace Inventory.EventStore;

/// <summary>Where a stored event is, without what it is: its stream, its version in the stream and its place in the
/// global log. Enough for a reader to tell whether it already has the event.</summary>
[GenerateSerializer, Immutable, Alias("event-pointer")]
public readonly record struct EventPointer(
    [property: Id(0)] string StreamId,
    [property: Id(1)] int Version,
    [property: Id(2)] LogPosition LogPosition)
{
    /// <summary>The event's global position.</summary>
    public long Position => LogPosition.Position;
}
