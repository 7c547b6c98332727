using System.Text.Json;
using Inventory.EventStore;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>The stored form of what the domain tests produce must match its registered schema: every event the specs and
/// the property tests see decided (and every event a spec's history starts from), and the snapshot of every state reached.</summary>
internal static class SchemaAssert
{
    private static readonly EventSchemaRegistry Registry = EventSchemaRegistry.Embedded;

    /// <summary>Serializes <paramref name="event"/> as the store would and validates it against the schema of its stored type and version.</summary>
    public static void StoredFormMatches(StockItemEvent @event)
    {
        var serializer = StockItemEventTypes.Serializer;
        var (type, version) = serializer.NameOf(@event);
        var validation = Registry.Validate(type, version, serializer.SerializeData(@event));
        Assert.True(validation.IsValid, $"{@event}: {validation}");
    }

    /// <summary>Serializes <paramref name="state"/> as a snapshot would be and validates it against the snapshot schema.</summary>
    public static void SnapshotMatches(StockItem state)
    {
        var validation = Registry.Validate(StockItemStream.SnapshotType, StockItemStream.SnapshotSchemaVersion,
            JsonSerializer.Serialize(state, EventSerializer<StockItemEvent>.JsonOptions));
        Assert.True(validation.IsValid, $"snapshot of {state}: {validation}");
    }
}
