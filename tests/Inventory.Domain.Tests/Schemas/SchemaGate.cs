using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;
using Inventory.EventStore;
using Inventory.Orders;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>
/// The checks of the schema gate, as functions of what they check (a serializer, a catalogue, a C# type) so that tests
/// can feed them a mutated shape or schema and see them fail. Each returns the failures, as messages that say what to do;
/// none means the gate passes.
/// </summary>
internal static class SchemaGate
{
    /// <summary>Every event type the serializer writes has a registered schema for the version it writes, that version is
    /// the registered current one, its shape is the C# type's; every registered event type is one the serializer knows;
    /// every superseded version has an upcaster to the next.</summary>
    /// <summary>The stock items' serializer checked both ways; <paramref name="serializer"/> stands in for it (the failure
    /// tests pass altered ones), beside the process managers' own serializers (<see cref="ProcessSerializers"/>).</summary>
    public static IReadOnlyList<string> CheckEvents<TEvent>(EventSerializer<TEvent> serializer, SchemaCatalogue catalogue, string serializerName)
        where TEvent : class
    {
        var failures = new List<string>(CheckWritten(serializer, catalogue, serializerName));
        failures.AddRange(CheckRegistered(catalogue, [(serializer, serializerName), .. ProcessSerializers]));
        return failures;
    }

    /// <summary>The serializers of the process managers' streams, whose event types share the one catalogue.</summary>
    public static IReadOnlyList<(IEventTypes Serializer, string Name)> ProcessSerializers { get; } =
    [
        (TransferEventTypes.Serializer, "TransferEventTypes.Serializer"),
        (OrderEventTypes.Serializer, "OrderEventTypes.Serializer"),
    ];

    /// <summary>Every event type <paramref name="serializer"/> writes has its current schema registered, in its shape.</summary>
    public static IReadOnlyList<string> CheckWritten<TEvent>(EventSerializer<TEvent> serializer, SchemaCatalogue catalogue, string serializerName)
        where TEvent : class
    {
        var failures = new List<string>();
        foreach (var (type, name, version) in serializer.Types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var written = catalogue.Find(name, version);
            var current = catalogue.Current(name);
            if (written is null)
            {
                failures.Add($"{name} v{version} is what {serializerName} writes, but no schema is registered for it: add " +
                    $"{SchemaCatalogue.PathOf(SchemaKind.Event, name, version)} describing {type.Name} as it is serialized.");
                continue;
            }

            if (written.Kind != SchemaKind.Event)
            {
                failures.Add($"{name} v{version} is registered as a {written.Kind.ToString().ToLowerInvariant()} schema ({written.Path}), not an event schema.");
                continue;
            }

            if (!written.IsCurrent)
            {
                failures.Add($"{serializerName} writes {name} v{version}, but v{current!.Version} is registered as current ({current.Path}): " +
                    $"make {serializerName} write v{current.Version} (with {type.Name} in that shape), or remove the unused schema.");
                continue;
            }

            var changed = Compare(JsonShape.OfType(type, EventSerializer<TEvent>.JsonOptions), JsonShape.OfSchema(JsonNode.Parse(written.Text)!));
            if (changed is not null)
            {
                failures.Add($"{type.Name} changed shape ({changed}) but schema version {version} is still registered as current: " +
                    $"register version {version + 1} in {SchemaCatalogue.PathOf(SchemaKind.Event, name, version + 1)} and add an upcaster from {version} " +
                    $"(an IEventUpcaster with Type \"{name}\" and FromVersion {version}, listed in {serializerName}), then make {serializerName} write {name} v{version + 1}.");
            }
        }

        return failures;
    }

    /// <summary>Every registered event schema belongs to a type one of <paramref name="serializers"/> writes, and every
    /// superseded version has an upcaster there.</summary>
    public static IReadOnlyList<string> CheckRegistered(SchemaCatalogue catalogue, IReadOnlyList<(IEventTypes Serializer, string Name)> serializers)
    {
        var failures = new List<string>();
        foreach (var document in catalogue.Documents.Where(d => d.Kind == SchemaKind.Event))
        {
            var owner = serializers.FirstOrDefault(s => s.Serializer.Types.Any(t => t.Name == document.Type));
            if (owner.Serializer is null)
            {
                failures.Add($"{document.Path} registers event type '{document.Type}', which {serializers[0].Name} does not know.");
            }
            else if (!document.IsCurrent && !owner.Serializer.HasUpcaster(document.Type, document.Version))
            {
                failures.Add($"{document.Type} v{document.Version} is registered as superseded ({document.Path}) but no upcaster reads it into " +
                    $"v{document.Version + 1}: add an IEventUpcaster with Type \"{document.Type}\" and FromVersion {document.Version} to {owner.Name}; " +
                    "stored events of every registered version must stay readable.");
            }
        }

        return failures;
    }

    /// <summary>The snapshot the stream writes: a registered current schema of its type and version, in the C# state's shape.</summary>
    public static IReadOnlyList<string> CheckSnapshot(Type state, string snapshotType, int version, SchemaCatalogue catalogue, JsonSerializerOptions options)
    {
        var document = catalogue.Find(snapshotType, version);
        if (document is not { Kind: SchemaKind.Snapshot, IsCurrent: true })
        {
            return [$"snapshots of type '{snapshotType}' are written at v{version}, but that is not the current registered snapshot schema: " +
                $"add {SchemaCatalogue.PathOf(SchemaKind.Snapshot, snapshotType, version)} (and keep the snapshot version in step with the highest registered one)."];
        }

        var changed = Compare(JsonShape.OfType(state, options), JsonShape.OfSchema(JsonNode.Parse(document.Text)!));
        return changed is null
            ? []
            : [$"{state.Name} (snapshot '{snapshotType}') changed shape ({changed}) but schema version {version} is still registered as current: " +
                $"register version {version + 1} in {SchemaCatalogue.PathOf(SchemaKind.Snapshot, snapshotType, version + 1)} and bump the snapshot schema version " +
                $"to {version + 1} (StockItemStream.SnapshotSchemaVersion; snapshots of another version are ignored and rebuilt from the events, so no upcaster is needed)."];
    }

    /// <summary>The metadata written beside every event: its registered current schema has the C# record's properties
    /// and types (none is required: old rows may lack any).</summary>
    public static IReadOnlyList<string> CheckMetadata(Type metadata, string metadataType, int version, SchemaCatalogue catalogue, JsonSerializerOptions options)
    {
        var document = catalogue.Find(metadataType, version);
        if (document is not { Kind: SchemaKind.Metadata, IsCurrent: true })
        {
            return [$"event metadata is written as '{metadataType}' v{version}, but that is not the current registered metadata schema: " +
                $"add {SchemaCatalogue.PathOf(SchemaKind.Metadata, metadataType, version)}."];
        }

        var changed = Compare(JsonShape.OfType(metadata, options, withRequired: false), JsonShape.OfSchema(JsonNode.Parse(document.Text)!, withRequired: false));
        return changed is null
            ? []
            : [$"{metadata.Name} changed shape ({changed}) but schema version {version} is still registered as current: " +
                $"register version {version + 1} in {SchemaCatalogue.PathOf(SchemaKind.Metadata, metadataType, version + 1)} and bump EventMetadata.SchemaVersion " +
                $"to {version + 1}. Rows store no metadata version and every row is checked against the current one, so only add optional (nullable) properties."];
    }

    /// <summary>What differs between the C# shape and the registered one, as "property 'x' added (type)" clauses; null when equal.</summary>
    public static string? Compare(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> registered)
    {
        var changes = new List<string>();
        foreach (var (name, type) in actual)
        {
            if (!registered.TryGetValue(name, out var was))
            {
                changes.Add($"property '{name}' added: {type}");
            }
            else if (was != type)
            {
                changes.Add($"property '{name}' changed type from {was} to {type}");
            }
        }

        changes.AddRange(registered.Where(r => !actual.ContainsKey(r.Key)).Select(r => $"property '{r.Key}' removed: was {r.Value}"));
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }
}
