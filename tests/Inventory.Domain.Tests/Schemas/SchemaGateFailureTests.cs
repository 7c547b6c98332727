using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;
using Inventory.EventStore;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>
/// The schema gate can fail: fed a changed event, snapshot or metadata shape, an edited schema, a missing schema or a
/// missing upcaster, each check fails with the message that says what to do. And the procedure it asks for (a new version
/// file, an upcaster, the serializer writing the new version) makes it pass again.
/// </summary>
public sealed class SchemaGateFailureTests
{
    private const string SerializerName = "StockItemEventTypes.Serializer";

    private static readonly SchemaCatalogue Catalogue = SchemaCatalogue.Embedded;

    [Fact]
    public void GivenAnEventWithAnAddedProperty_WhenItsVersionIsNotBumped_ThenTheGateFailsSayingToRegisterTheNextVersionAndAnUpcaster()
    {
        var serializer = Serializer(Replace(typeof(StockReceived), typeof(Changed.StockReceived), "stock-received", 1), [new StockAdjustedV1Upcaster()]);

        var failure = Assert.Single(SchemaGate.CheckEvents(serializer, Catalogue, SerializerName));

        Assert.Equal(
            "StockReceived changed shape (property 'lot' added: string | null, required) but schema version 1 is still registered as current: " +
            "register version 2 in schemas/events/stock-received.v2.schema.json and add an upcaster from 1 (an IEventUpcaster with Type \"stock-received\" " +
            "and FromVersion 1, listed in StockItemEventTypes.Serializer), then make StockItemEventTypes.Serializer write stock-received v2.",
            failure);
    }

    [Fact]
    public void GivenAnEventWithARemovedPropertyAndARetypedOne_ThenTheGateNamesBoth()
    {
        var serializer = Serializer(Replace(typeof(StockCounted), typeof(Changed.StockCounted), "stock-counted", 1), [new StockAdjustedV1Upcaster()]);

        var failure = Assert.Single(SchemaGate.CheckEvents(serializer, Catalogue, SerializerName));

        Assert.StartsWith(
            "StockCounted changed shape (property 'delta' changed type from integer (int64), required to integer (int32), required; " +
            "property 'countedQuantity' removed: was integer (int32), required) but schema version 1 is still registered as current: " +
            "register version 2 in schemas/events/stock-counted.v2.schema.json and add an upcaster from 1",
            failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void GivenARegisteredSchemaEditedToAnotherShape_ThenTheGateFails()
    {
        var edited = Edit(Catalogue, "stock-reserved", 1, schema => schema["properties"]!["reservationId"]!["type"] = new JsonArray("string", "null"));

        var failure = Assert.Single(SchemaGate.CheckEvents(StockItemEventTypes.Serializer, edited, SerializerName));

        Assert.StartsWith(
            "StockReserved changed shape (property 'reservationId' changed type from string | null, required to string, required) but schema version 1 is still registered as current",
            failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASchemaThatNoLongerRequiresAProperty_ThenTheGateFails()
    {
        var edited = Edit(Catalogue, "reorder-point-set", 1, schema => schema["required"] = new JsonArray("movementId", "recordedAt", "onHandAfter", "reservedAfter"));

        Assert.Contains(
            "ReorderPointSet changed shape (property 'reorderPoint' changed type from integer (int32) to integer (int32), required)",
            Assert.Single(SchemaGate.CheckEvents(StockItemEventTypes.Serializer, edited, SerializerName)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASupersededVersionWithoutAnUpcaster_ThenTheGateFails()
    {
        var serializer = Serializer(StockItemEventTypes.Serializer.Types, []);

        Assert.Equal(
            "stock-adjusted v1 is registered as superseded (schemas/events/stock-adjusted.v1.schema.json) but no upcaster reads it into v2: " +
            "add an IEventUpcaster with Type \"stock-adjusted\" and FromVersion 1 to StockItemEventTypes.Serializer; stored events of every registered version must stay readable.",
            Assert.Single(SchemaGate.CheckEvents(serializer, Catalogue, SerializerName)));
    }

    [Fact]
    public void GivenTheSerializerWritesAVersionWithoutASchema_ThenTheGateFails()
    {
        var serializer = Serializer(Replace(typeof(StockReceived), typeof(StockReceived), "stock-received", 2), [new StockAdjustedV1Upcaster()]);

        Assert.Equal(
            "stock-received v2 is what StockItemEventTypes.Serializer writes, but no schema is registered for it: add schemas/events/stock-received.v2.schema.json describing StockReceived as it is serialized.",
            Assert.Single(SchemaGate.CheckEvents(serializer, Catalogue, SerializerName)));
    }

    [Fact]
    public void GivenANewVersionRegisteredButTheSerializerStillWritesTheOldOne_ThenTheGateFails()
    {
        var catalogue = WithReceivedV2(Catalogue);

        var failures = SchemaGate.CheckEvents(StockItemEventTypes.Serializer, catalogue, SerializerName);

        Assert.Equal(
            [
                "StockItemEventTypes.Serializer writes stock-received v1, but v2 is registered as current (schemas/events/stock-received.v2.schema.json): " +
                "make StockItemEventTypes.Serializer write v2 (with StockReceived in that shape), or remove the unused schema.",
                "stock-received v1 is registered as superseded (schemas/events/stock-received.v1.schema.json) but no upcaster reads it into v2: " +
                "add an IEventUpcaster with Type \"stock-received\" and FromVersion 1 to StockItemEventTypes.Serializer; stored events of every registered version must stay readable.",
            ],
            failures);
    }

    [Fact]
    public void GivenAChangedEvent_WhenTheNewVersionIsRegisteredWithAnUpcasterAndWritten_ThenTheGatePasses()
    {
        var serializer = Serializer(
            Replace(typeof(StockReceived), typeof(Changed.StockReceived), "stock-received", 2),
            [new StockAdjustedV1Upcaster(), new Changed.StockReceivedV1Upcaster()]);
        var catalogue = WithReceivedV2(Catalogue);

        SchemaGateTests.AssertNoFailures(SchemaGate.CheckEvents(serializer, catalogue, SerializerName));
        var v1 = """{"quantity":5,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00+00:00","onHandAfter":5,"reservedAfter":0}""";
        EventSchemaRegistryTests.AssertValid(new EventSchemaRegistry(catalogue).Validate("stock-received", 2, serializer.CurrentData("stock-received", 1, v1)));
    }

    [Fact]
    public void GivenAnEventSchemaTheSerializerDoesNotKnow_ThenTheGateFails()
    {
        var catalogue = Add(Catalogue, "schemas/events/stock-teleported.v1.schema.json", Catalogue.Find("stock-received", 1)!.Text);

        Assert.Equal(
            "schemas/events/stock-teleported.v1.schema.json registers event type 'stock-teleported', which StockItemEventTypes.Serializer does not know.",
            Assert.Single(SchemaGate.CheckEvents(StockItemEventTypes.Serializer, catalogue, SerializerName)));
    }

    [Fact]
    public void GivenASnapshotStateWithAnAddedProperty_ThenTheGateFailsSayingToRegisterTheNextSnapshotVersion() =>
        Assert.Equal(
            "StockItem (snapshot 'stock-item') changed shape (property 'binLocation' added: string, required) but schema version 1 is still registered as current: " +
            "register version 2 in schemas/snapshots/stock-item.v2.schema.json and bump the snapshot schema version to 2 (StockItemStream.SnapshotSchemaVersion; " +
            "snapshots of another version are ignored and rebuilt from the events, so no upcaster is needed).",
            Assert.Single(SchemaGate.CheckSnapshot(typeof(Changed.StockItem), StockItemStream.SnapshotType, 1, Catalogue, EventSerializer<StockItemEvent>.JsonOptions)));

    [Fact]
    public void GivenMetadataWithAnAddedProperty_ThenTheGateFailsSayingToRegisterTheNextMetadataVersion() =>
        Assert.StartsWith(
            "EventMetadata changed shape (property 'tenantId' added: string | null) but schema version 3 is still registered as current: " +
            "register version 4 in schemas/metadata/event-metadata.v4.schema.json and bump EventMetadata.SchemaVersion to 4.",
            Assert.Single(SchemaGate.CheckMetadata(typeof(Changed.EventMetadata), EventMetadata.SchemaType, 3, Catalogue, EventSerializer<StockItemEvent>.JsonOptions)),
            StringComparison.Ordinal);

    private static EventSerializer<StockItemEvent> Serializer(IEnumerable<(Type Type, string Name, int Version)> types, IEnumerable<IEventUpcaster> upcasters) =>
        new(types, upcasters);

    private static IEnumerable<(Type Type, string Name, int Version)> Replace(Type real, Type changed, string name, int version) =>
        StockItemEventTypes.Serializer.Types.Select(t => t.Type == real ? (changed, name, version) : t);

    private static SchemaCatalogue Edit(SchemaCatalogue catalogue, string type, int version, Action<JsonNode> edit) =>
        new(catalogue.Documents.Select(d =>
        {
            if (d.Type != type || d.Version != version)
            {
                return (d.Path, d.Text);
            }

            var schema = JsonNode.Parse(d.Text)!;
            edit(schema);
            return (d.Path, schema.ToJsonString());
        }));

    private static SchemaCatalogue Add(SchemaCatalogue catalogue, string path, string text)
    {
        var schema = JsonNode.Parse(text)!;
        schema["$id"] = SchemaCatalogue.IdBase + path["schemas/".Length..];
        return new SchemaCatalogue(catalogue.Documents.Select(d => (d.Path, d.Text)).Append((path, schema.ToJsonString())));
    }

    /// <summary>The catalogue with stock-received v2: v1's shape plus an optional <c>lot</c>, as a developer would register it.</summary>
    private static SchemaCatalogue WithReceivedV2(SchemaCatalogue catalogue)
    {
        var v2 = JsonNode.Parse(catalogue.Find("stock-received", 1)!.Text)!;
        v2["title"] = "stock-received v2";
        v2["properties"]!["lot"] = new JsonObject { ["type"] = new JsonArray("string", "null") };
        v2["required"]!.AsArray().Add("lot");
        return Add(catalogue, "schemas/events/stock-received.v2.schema.json", v2.ToJsonString());
    }

    /// <summary>Shapes a developer might change the real types to; named like them so that the messages read as they would.</summary>
    private static class Changed
    {
        public sealed record StockReceived : StockItemEvent
        {
            public required int Quantity { get; init; }

            public string? Lot { get; init; }
        }

        public sealed record StockCounted : StockItemEvent
        {
            public required int Delta { get; init; }
        }

        public readonly record struct StockItem(long OnHand, System.Collections.Immutable.ImmutableDictionary<string, long> Reservations, long Reserved,
            long ReorderPoint, DateTimeOffset? LastMovementAt, long Available, string BinLocation);

        public sealed record EventMetadata(string? ScannerId, DateTimeOffset? OccurredAt, string? CorrelationId, string? CausationId, string? Command,
            string? TraceParent, string? Principal, string? TenantId);

        public sealed class StockReceivedV1Upcaster : IEventUpcaster
        {
            public string Type => "stock-received";

            public int FromVersion => 1;

            public JsonObject Upcast(JsonObject data)
            {
                var result = (JsonObject)data.DeepClone();
                result["lot"] = null;
                return result;
            }
        }
    }
}
