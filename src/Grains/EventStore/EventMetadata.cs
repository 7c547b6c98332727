using System.Text.Json.Serialization;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>What the store keeps beside an event: where the movement came from, who sent it and why.</summary>
/// <param name="ScannerId">The scanner or device that sent the movement.</param>
/// <param name="OccurredAt">When the scanner says it happened (its clock, not ours).</param>
/// <param name="CorrelationId">Ties the events of one business operation together.</param>
/// <param name="CausationId">What caused this event (the movement id for commands from outside).</param>
/// <param name="Command">The canonical fingerprint of the command, to tell a retry from a reused id.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the grain call that brought the movement (its trace id is
/// <paramref name="CorrelationId"/>'s when the request was traced); absent, not null, when nothing traced it, and absent
/// in events stored before it existed.</param>
/// <param name="Principal">Who sent the command: the authenticated API key's name (never the key). Absent, not null, when no
/// authenticated caller is known (tools calling the grains directly) and in events stored before it existed (v3). Not part
/// of <paramref name="Command"/>: a movement retried under another key is the same movement, and keeps its first principal.</param>
public sealed record EventMetadata(
    string? ScannerId = null,
    DateTimeOffset? OccurredAt = null,
    string? CorrelationId = null,
    string? CausationId = null,
    string? Command = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Principal = null)
{
    /// <summary>The registered schema of the metadata column (<c>schemas/metadata/event-metadata.v3.schema.json</c>). The
    /// column stores no version: the shape only ever gains optional properties.</summary>
    public const string SchemaType = "event-metadata";

    public const int SchemaVersion = 3;
}
