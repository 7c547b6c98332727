using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>An event of the global log as one read of it feeds several projections: its envelope, and the event
/// deserialized once for all of them (null when that failed: each projection's shard then tries it itself, and retries
/// and parks it as it would any event).</summary>
public readonly record struct ScannedEvent(EventEnvelope Envelope, ProjectedEvent? Projected)
{
    /// <summary>Reads <paramref name="envelope"/>'s event, or keeps only the envelope when it cannot be read.</summary>
    public static ScannedEvent Of(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        try
        {
            return new ScannedEvent(envelope, ProjectedEvent.From(envelope));
        }
#pragma warning disable CA1031 // The shard meets the same error again and handles it (retries, then a dead letter).
        catch (Exception)
#pragma warning restore CA1031
        {
            return new ScannedEvent(envelope, null);
        }
    }
}
