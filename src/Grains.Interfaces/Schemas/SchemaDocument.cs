namespace Inventory.Contracts.Schemas;

/// <summary>One registered JSON Schema: a stored type at one schema version.</summary>
/// <param name="Kind">What it describes.</param>
/// <param name="Type">The stored type name, e.g. <c>stock-received</c> (the <c>type</c> column, or the snapshot type).</param>
/// <param name="Version">The schema version it describes (the <c>schema_version</c> column).</param>
/// <param name="IsCurrent">True for the highest registered version of its type: the one written today. Older
/// versions are superseded: still read, through upcasters.</param>
/// <param name="Path">Where it lives in the repository, e.g. <c>schemas/events/stock-received.v1.schema.json</c>.</param>
/// <param name="Id">Its <c>$id</c>.</param>
/// <param name="Title">Its <c>title</c>.</param>
/// <param name="Text">The document as it is checked in (JSON Schema draft 2020-12).</param>
public sealed record SchemaDocument(SchemaKind Kind, string Type, int Version, bool IsCurrent, string Path, string Id, string Title, string Text)
{
    /// <summary>The status the catalogue reports: <c>current</c> or <c>superseded</c>.</summary>
    public string Status => IsCurrent ? "current" : "superseded";
}
