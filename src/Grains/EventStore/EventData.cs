using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>An event ready to append: already serialized, with its stable type name and schema version.</summary>
/// <param name="EventId"><see cref="DeterministicGuid.ForEvent"/> of the stream and the movement (the stores refuse any
/// other id): unique across the store because a movement is stored at most once per stream, and the same on a retried
/// append of the same movement.</param>
/// <param name="MovementId">The movement that caused the event; unique within a stream.</param>
/// <param name="Type">Stable stored name, e.g. <c>stock-received</c>; never a CLR name.</param>
/// <param name="SchemaVersion">Version of the shape of <paramref name="Data"/>.</param>
/// <param name="Data">The event as a JSON object.</param>
/// <param name="Metadata">Recorded-at aside, what the event does not own: scanner, correlation, causation.</param>
/// <param name="RecordedAt">Server time of the movement.</param>
public sealed record EventData(
    Guid EventId,
    Guid MovementId,
    string Type,
    int SchemaVersion,
    string Data,
    string Metadata,
    DateTimeOffset RecordedAt);
