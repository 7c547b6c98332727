using System.Text.Json;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>Events as the read side's envelopes: read back from the store, or just appended (the live path).</summary>
public static class EnvelopeMapping
{
    /// <summary>An event the item just appended at <paramref name="version"/> and global <paramref name="position"/>, with
    /// the <c>traceparent</c> of its publish (null when nothing traces) and the principal of its command (null when none).</summary>
    public static EventEnvelope ToEnvelope(this EventData data, string streamId, int version, long position, string? traceParent = null, string? principal = null)
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
            TraceParent = traceParent,
            Principal = principal,
        };
    }

    /// <summary>An event read back from the store; it carries the <c>traceparent</c> kept in its metadata when something
    /// traces the projections (<see cref="ProjectionTracing"/>) and the read included metadata (the global log's does not),
    /// and the principal kept in its metadata (which the global log's read keeps).</summary>
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
            TraceParent = ProjectionTracing.Source.HasListeners() ? StoredTraceParent(stored.Metadata) : null,
            Principal = stored.KnownPrincipal ?? StoredEvent.PrincipalOf(stored.Metadata),
        };
    }

    /// <summary>The <c>traceParent</c> of stored metadata (absent in events stored untraced or before it existed).</summary>
    private static string? StoredTraceParent(string metadata)
    {
        if (!metadata.Contains("\"traceParent\"", StringComparison.Ordinal))
        {
            return null;
        }

        using var json = JsonDocument.Parse(metadata);
        return json.RootElement.TryGetProperty("traceParent", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
