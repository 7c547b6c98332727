namespace Inventory.Contracts.Projections;

/// <summary>
/// A stored event as the read side receives it, from the live stream or from catch-up: where it is (stream,
/// version, global position, writing transaction when known) and what it is (stored type name, schema version,
/// JSON payload). Projections apply each (stream, version) once.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.event-envelope")]
public sealed record EventEnvelope
{
    [Id(0)] public required Guid EventId { get; init; }

    [Id(1)] public required string StreamId { get; init; }

    [Id(2)] public required int Version { get; init; }

    [Id(3)] public required long Position { get; init; }

    /// <summary>The writing transaction (0 when the publisher does not know it: live envelopes).</summary>
    [Id(4)] public ulong TransactionId { get; init; }

    [Id(5)] public required string Type { get; init; }

    [Id(6)] public required int SchemaVersion { get; init; }

    [Id(7)] public required DateTimeOffset RecordedAt { get; init; }

    [Id(8)] public required Guid MovementId { get; init; }

    /// <summary>The event's JSON payload in its stored schema version.</summary>
    [Id(9)] public required string Data { get; init; }

    // [Id(10)] was the event's JSON metadata (scanner, correlation, command fingerprint), carried until 2026-11-27 on
    // every live and catch-up delivery although no view reads it (a third of a live envelope's bytes). Do not reuse the
    // id: an envelope from an older silo still has it, and the serializer skips it.

    /// <summary>The W3C <c>traceparent</c> the projections continue (live deliveries, when the silo traces) or link to
    /// (events read back from the store, when their metadata has one); null otherwise. An envelope from an
    /// older silo has none.</summary>
    [Id(11)] public string? TraceParent { get; init; }

    /// <summary>Who sent the movement (the API key's name, from the event's metadata); null when the event has none (stored
    /// before it was kept, or without an authenticated caller). An envelope from an older silo has none.</summary>
    [Id(12)] public string? Principal { get; init; }

    public override string ToString() => $"{StreamId}@{Version} (position {Position}, event {EventId}, {Type} v{SchemaVersion})";
}
