using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>Events as the read side's envelopes: read back from the store, or just appended (the live path).</summary>
public static class EnvelopeMapping
{
    /// <summary>An event the item just appended at <paramref name="version"/> and global <paramref name="position"/>.</summary>
    public static EventEnvelope ToEnvelope(this EventData data, string streamId, int version, long position)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EventEnvelope
        {
            EventId = data.EventId,
            StreamId = streamId,
            Version = version,
            Position = position,
            Type = data.Type,
            SchemaVersion = data.SchemaVersion,
            RecordedAt = data.RecordedAt,
            MovementId = data.MovementId,
            Data = data.Data,
        };
    }

    public static EventEnvelope ToEnvelope(this StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new EventEnvelope
        {
            EventId = stored.EventId,
            StreamId = stored.StreamId,
            Version = stored.Version,
            Position = stored.GlobalPosition,
            TransactionId = stored.TransactionId,
            Type = stored.Type,
            SchemaVersion = stored.SchemaVersion,
            RecordedAt = stored.RecordedAt,
            MovementId = stored.MovementId,
            Data = stored.Data,
        };
    }
}
