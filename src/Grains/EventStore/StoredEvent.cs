using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>An event as the store holds it: its stream, its version in the stream (1-based), its global position
/// (increasing in insertion order across all streams; not necessarily gap-free, not commit order) and the id of the
/// transaction that wrote it (see <see cref="EventStore.LogPosition"/>; 0 where a store does not say).</summary>
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
    DateTimeOffset RecordedAt,
    ulong TransactionId = 0)
{
    /// <summary>The metadata of an event read from the global log, which does not carry it (see <see cref="IEventLog.ReadAllAsync"/>).</summary>
    public const string NoMetadata = "{}";

    /// <summary>Where this event is in the global log's reading order.</summary>
    public LogPosition LogPosition => new(TransactionId, GlobalPosition);
}
