namespace Inventory.EventStore;

/// <summary>The outcome of validating one stored document against the registered schema of its type and version.</summary>
/// <param name="Type">The stored type name (or the metadata / snapshot type).</param>
/// <param name="Version">The schema version the document claims.</param>
/// <param name="Errors">Empty when the document is valid.</param>
public sealed record SchemaValidation(string Type, int Version, IReadOnlyList<SchemaError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static SchemaValidation Valid(string type, int version) => new(type, version, []);

    /// <summary>Merges the errors of several validations of one stored row (its data and its metadata, say).</summary>
    public SchemaValidation And(SchemaValidation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsValid ? this : this with { Errors = [.. Errors, .. other.Errors] };
    }

    public override string ToString() => IsValid
        ? $"{Type} v{Version}: valid"
        : $"{Type} v{Version} does not match its registered schema: {string.Join("; ", Errors)}";
}
