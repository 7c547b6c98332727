namespace Inventory.EventStore;

/// <summary>One way a JSON document breaks its schema.</summary>
/// <param name="Location">JSON Pointer of the offending value in the document (empty: the document itself).</param>
/// <param name="Message">What is wrong there, with the schema keyword that failed.</param>
public sealed record SchemaError(string Location, string Message)
{
    public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Message}";
}
