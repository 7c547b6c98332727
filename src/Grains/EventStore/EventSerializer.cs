using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>
/// Maps events of one stream type to and from their stored form: a stable type name, a schema version and a
/// JSON object. Reading an older schema version runs the upcasters in order until the current one.
/// </summary>
/// <typeparam name="TEvent">The base type of the stream's events.</typeparam>
public sealed class EventSerializer<TEvent> : IEventTypes
    where TEvent : class
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<Type, (string Name, int Version)> _byType;
    private readonly FrozenDictionary<string, (Type Type, int Version)> _byName;
    private readonly FrozenDictionary<(string Type, int FromVersion), IEventUpcaster> _upcasters;

    public EventSerializer(IEnumerable<(Type Type, string Name, int Version)> types, IEnumerable<IEventUpcaster> upcasters)
    {
        var list = types.ToList();
        _byType = list.ToFrozenDictionary(t => t.Type, t => (t.Name, t.Version));
        _byName = list.ToFrozenDictionary(t => t.Name, t => (t.Type, t.Version), StringComparer.Ordinal);
        _upcasters = upcasters.ToFrozenDictionary(u => (u.Type, u.FromVersion));
    }

    /// <summary>Every event type this serializer writes, with its stored name and current schema version.</summary>
    public IReadOnlyList<(Type Type, string Name, int Version)> Types => [.. _byType.Select(t => (t.Key, t.Value.Name, t.Value.Version))];

    /// <summary>True when an upcaster reads <paramref name="type"/> at <paramref name="fromVersion"/> into the next version.</summary>
    public bool HasUpcaster(string type, int fromVersion) => _upcasters.ContainsKey((type, fromVersion));

    public (string Name, int Version) NameOf(TEvent @event) =>
        _byType.TryGetValue(@event.GetType(), out var entry)
            ? entry
            : throw new InvalidOperationException($"Event type {@event.GetType().Name} has no stored name.");

    public string SerializeData(TEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), JsonOptions);

    /// <summary>The event's data in the current schema of its type (upcast if stored in an older one).</summary>
    public JsonObject CurrentData(string type, int schemaVersion, string data)
    {
        if (!_byName.TryGetValue(type, out var entry) || schemaVersion > entry.Version)
        {
            throw new UnknownEventTypeException(type, schemaVersion);
        }

        var json = JsonNode.Parse(data)?.AsObject() ?? throw new JsonException($"Event data of '{type}' is not a JSON object.");
        for (var version = schemaVersion; version < entry.Version; version++)
        {
            if (!_upcasters.TryGetValue((type, version), out var upcaster))
            {
                throw new UnknownEventTypeException(type, schemaVersion);
            }

            json = upcaster.Upcast(json);
        }

        return json;
    }

    public TEvent Deserialize(string type, int schemaVersion, string data)
    {
        if (_byName.TryGetValue(type, out var entry) && entry.Version == schemaVersion)
        {
            // The common case, and the hot path of activation: no upcasting, so no intermediate JSON tree.
            return (TEvent)(JsonSerializer.Deserialize(data, entry.Type, JsonOptions) ?? throw new JsonException($"Event data of '{type}' is null."));
        }

        var json = CurrentData(type, schemaVersion, data);
        return (TEvent)(json.Deserialize(_byName[type].Type, JsonOptions) ?? throw new JsonException($"Event data of '{type}' is null."));
    }

    public TEvent Deserialize(StoredEvent stored) => Deserialize(stored.Type, stored.SchemaVersion, stored.Data);
}
