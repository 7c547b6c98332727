using System.Text.Json;

namespace Inventory.Api.Contracts;

/// <summary>One event of a transfer's or an order's own log; <see cref="Data"/> is its data in the current schema;
/// <see cref="Principal"/> is who sent the request it records or follows from (null for events stored before it was kept).</summary>
public sealed record ProcessEventResponse(int Version, string Type, DateTimeOffset RecordedAt, long GlobalPosition, JsonElement Data, string? Principal);
