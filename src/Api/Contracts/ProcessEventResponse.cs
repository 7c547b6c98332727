using System.Text.Json;

namespace Inventory.Api.Contracts;

/// <summary>One event of a transfer's or an order's own log; <see cref="Data"/> is its data in the current schema.</summary>
public sealed record ProcessEventResponse(int Version, string Type, DateTimeOffset RecordedAt, long GlobalPosition, JsonElement Data);
