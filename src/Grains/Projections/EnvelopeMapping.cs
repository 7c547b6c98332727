using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>Stored events as envelopes.</summary>
public static class EnvelopeMapping
{
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
