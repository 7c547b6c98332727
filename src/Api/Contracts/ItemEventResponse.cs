using System.Text.Json;

namespace Inventory.Api.Contracts;

/// <summary>One event of an item's history; <see cref="Data"/> is the event's data in its current schema;
/// <see cref="Principal"/> is who sent it (the API key's name), null for events stored before it was kept.</summary>
public sealed record ItemEventResponse(
    Guid EventId,
    int Version,
    long GlobalPosition,
    string Type,
    Guid MovementId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? OccurredAt,
    string? ScannerId,
    JsonElement Data,
    string? Principal);
