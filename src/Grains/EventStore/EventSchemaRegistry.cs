using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;
using Json.Schema;

namespace Inventory.EventStore;

/// <summary>
/// The registered JSON Schemas (<see cref="SchemaCatalogue"/>, checked in under <c>schemas/</c>) compiled with
/// JsonSchema.Net, to validate what the event store holds: an event's data against the schema of its stored type and
/// schema version, its metadata, a snapshot. Formats (<c>uuid</c>, <c>date-time</c>) are asserted, not just annotated.
/// Thread-safe. Used by the tests (the schema gate) and by tools that audit a ledger.
/// </summary>
public sealed class EventSchemaRegistry
{
    private static readonly Lazy<EventSchemaRegistry> EmbeddedRegistry = new(() => new EventSchemaRegistry(SchemaCatalogue.Embedded));

    private readonly Dictionary<(string Type, int Version), JsonSchema> _schemas;
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };
    private readonly Lock _gate = new();

    public EventSchemaRegistry(SchemaCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Catalogue = catalogue;
        _schemas = catalogue.Documents.ToDictionary(d => (d.Type, d.Version), d => Compile(d));
    }

    /// <summary>The registry of the schemas checked in under <c>schemas/</c>.</summary>
    public static EventSchemaRegistry Embedded => EmbeddedRegistry.Value;

    public SchemaCatalogue Catalogue { get; }

    /// <summary>The compiled schema of <paramref name="type"/> at <paramref name="version"/>, or null when none is registered.</summary>
    public JsonSchema? Find(string type, int version) => _schemas.GetValueOrDefault((type, version));

    /// <summary>Validates a stored JSON document (event data, metadata or snapshot data) against the schema registered for
    /// <paramref name="type"/> at <paramref name="version"/>. No such schema is an error, not a pass.</summary>
    public SchemaValidation Validate(string type, int version, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            return new SchemaValidation(type, version, [new SchemaError("", $"not valid JSON: {ex.Message}")]);
        }

        return Validate(type, version, node);
    }

    /// <inheritdoc cref="Validate(string, int, string)"/>
    public SchemaValidation Validate(string type, int version, JsonNode? document)
    {
        if (!_schemas.TryGetValue((type, version), out var schema))
        {
            return new SchemaValidation(type, version, [new SchemaError("", $"no schema is registered for {type} v{version} (see schemas/)")]);
        }

        EvaluationResults results;
        lock (_gate)
        {
            results = schema.Evaluate(document, _options);
        }

        return results.IsValid ? SchemaValidation.Valid(type, version) : new SchemaValidation(type, version, Errors(results));
    }

    /// <summary>An event about to be appended: its data against its type and schema version, its metadata against the
    /// metadata schema.</summary>
    public SchemaValidation ValidateEvent(EventData @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Validate(@event.Type, @event.SchemaVersion, @event.Data).And(ValidateMetadata(@event.Metadata));
    }

    /// <summary>A stored event (a row of the ledger): its data, and its metadata where the read carried it.</summary>
    public SchemaValidation ValidateEvent(StoredEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var data = Validate(@event.Type, @event.SchemaVersion, @event.Data);
        return @event.Metadata == StoredEvent.NoMetadata ? data : data.And(ValidateMetadata(@event.Metadata));
    }

    public SchemaValidation ValidateMetadata(string metadata) => Validate(EventMetadata.SchemaType, EventMetadata.SchemaVersion, metadata);

    public SchemaValidation ValidateSnapshot(StreamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Validate(snapshot.Type, snapshot.SchemaVersion, snapshot.Data);
    }

    private JsonSchema Compile(SchemaDocument document)
    {
        try
        {
            var schema = JsonSchema.FromText(document.Text);
            lock (_gate)
            {
                // Registers it under its $id (so that documents may $ref each other) and builds its evaluation once.
                schema.Evaluate(null, _options);
            }

            return schema;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidDataException($"{document.Path} is not a valid JSON Schema: {ex.Message}", ex);
        }
    }

    /// <summary>The failures of an evaluation (hierarchical output): every invalid node's own errors, with its keyword.
    /// JsonSchema.Net gives no message for a failed <c>not</c>, nor a keyword for a <c>false</c> subschema; both are
    /// named here after the schema path.</summary>
    private static List<SchemaError> Errors(EvaluationResults results)
    {
        var errors = new List<SchemaError>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : [new SchemaError("", "does not match the schema")];
    }

    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        var location = node.InstanceLocation.ToString();
        var keyword = LastSegment(node.EvaluationPath.ToString());
        if (node.HasErrors)
        {
            errors.AddRange(node.Errors!.Select(e => new SchemaError(location, $"{e.Value} ({(e.Key.Length == 0 ? keyword : e.Key)})")));
        }

        var invalid = node.HasDetails ? node.Details.Where(d => !d.IsValid).ToList() : [];
        foreach (var detail in invalid)
        {
            Collect(detail, errors);
        }

        if (!node.HasErrors && invalid.Count == 0)
        {
            var not = node.HasDetails && node.Details.Any(d => LastSegment(d.EvaluationPath.ToString()) == "not");
            errors.Add(not
                ? new SchemaError(location, "matches the subschema it must not match (not)")
                : new SchemaError(location, $"does not match the schema at {node.SchemaLocation} ({keyword})"));
        }
    }

    private static string LastSegment(string pointer) => pointer[(pointer.LastIndexOf('/') + 1)..];
}
