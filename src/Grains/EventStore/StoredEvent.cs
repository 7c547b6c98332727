namespace Inventory.EventStore;

/// <summary>An event as the store holds it: its stream, its version in the stream (1-based) and its
/// global position (increasing in insertion order across all streams; not necessarily gap-free).</summary>
public sealed record StoredEvent(
    string StreamId,
    int Version,
    long GlobalPosition,
    Guid EventId,
    Guid MovementId,
    string Type,
    int SchemaVersion,
    string Data,
    string Metadata,
    DateTimeOffset RecordedAt);
