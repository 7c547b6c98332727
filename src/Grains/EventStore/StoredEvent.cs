using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// <summary>The metadata of an event read from the global log, which carries none of it but the principal (see
    /// <see cref="IEventLog.ReadAllAsync"/>), when the event has no principal.</summary>
    public const string NoMetadata = "{}";

    /// <summary>The principal of the event when its reader already has it apart (the global log's reads), so that it
    /// need not be parsed out of <see cref="Metadata"/> again; null when unknown or none.</summary>
    public string? KnownPrincipal { get; init; }

    /// <summary>The global log's metadata of an event whose principal is <paramref name="principal"/> (null: none).</summary>
    public static string LogMetadataOf(string? principal) =>
        principal is null ? NoMetadata : new JsonObject { ["principal"] = principal }.ToJsonString();

    /// <summary>What the global log keeps of <paramref name="metadata"/>: <c>{"principal": ...}</c> when it has one,
    /// <see cref="NoMetadata"/> otherwise.</summary>
    public static string LogMetadata(string metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.Contains("\"principal\"", StringComparison.Ordinal)
            || JsonNode.Parse(metadata)?["principal"] is not JsonValue principal)
        {
            return NoMetadata;
        }

        return new JsonObject { ["principal"] = principal.GetValue<string>() }.ToJsonString();
    }

    /// <summary>The <c>principal</c> of stored metadata (absent in events stored without one or before it existed).</summary>
    public static string? PrincipalOf(string metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.Contains("\"principal\"", StringComparison.Ordinal))
        {
            return null;
        }

        using var json = JsonDocument.Parse(metadata);
        return json.RootElement.TryGetProperty("principal", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Where this event is in the global log's reading order.</summary>
    public LogPosition LogPosition => new(TransactionId, GlobalPosition);
}
