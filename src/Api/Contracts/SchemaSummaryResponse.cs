namespace Inventory.Api.Contracts;

/// <summary>One registered schema of what the event store holds.</summary>
/// <param name="Kind"><c>event</c> (an event's data), <c>snapshot</c> (a snapshot's data) or <c>metadata</c> (the metadata
/// stored beside every event).</param>
/// <param name="Type">The stored type name, e.g. <c>stock-received</c>.</param>
/// <param name="Version">The schema version (the stored <c>schema_version</c>).</param>
/// <param name="Status"><c>current</c> (what is written today) or <c>superseded</c> (still read, through an upcaster).</param>
/// <param name="Title">The schema's title.</param>
/// <param name="Href">Where the schema document is: <c>/api/v1/schemas/{type}/{version}</c>.</param>
/// <param name="Id">The schema's <c>$id</c> (an identifier, not an address).</param>
public sealed record SchemaSummaryResponse(string Kind, string Type, int Version, string Status, string Title, string Href, string Id);
