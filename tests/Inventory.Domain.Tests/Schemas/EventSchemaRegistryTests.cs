using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;
using Inventory.Domain.Tests.Contracts;
using Inventory.EventStore;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>The registry validates what the store holds: the right documents pass, each kind of wrong one fails and says where.</summary>
public sealed class EventSchemaRegistryTests
{
    private const string Received =
        """{"quantity":5,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.1234567+00:00","onHandAfter":15,"reservedAfter":4}""";

    private static readonly EventSchemaRegistry Registry = EventSchemaRegistry.Embedded;

    [Fact]
    public void GivenTheCheckedInSchemas_ThenEveryStoredTypeAndVersionIsRegisteredWithItsStatus()
    {
        var listed = Registry.Catalogue.Documents.Select(d => $"{d.Kind} {d.Type} v{d.Version} {d.Status}");

        Assert.Equal(
            [
                "Event order-failed v1 current", "Event order-fulfilled v1 current", "Event order-line-pick-refused v1 current",
                "Event order-line-picked v1 current", "Event order-line-refused v1 current", "Event order-line-released v1 current",
                "Event order-line-reservation-lost v1 current", "Event order-line-reserved v1 current", "Event order-pick-accepted v1 current",
                "Event order-release-requested v1 current", "Event order-released v1 current", "Event order-requested v1 current",
                "Event reorder-point-set v1 current", "Event reservation-released v1 current", "Event stock-adjusted v1 superseded",
                "Event stock-adjusted v2 current", "Event stock-counted v1 current", "Event stock-picked v1 current",
                "Event stock-received v1 current", "Event stock-reserved v1 current", "Event transfer-cancel-requested v1 current",
                "Event transfer-cancelled v1 current", "Event transfer-completed v1 current", "Event transfer-dispatched v1 current",
                "Event transfer-failed v1 current", "Event transfer-line-dispatched v1 current", "Event transfer-line-received v1 current",
                "Event transfer-line-refused v1 current", "Event transfer-line-returned v1 current", "Event transfer-receipt-accepted v1 current",
                "Event transfer-received v1 current", "Event transfer-requested v1 current", "Event transfer-returned v1 current",
                "Snapshot stock-item v1 current",
                "Metadata event-metadata v1 superseded",
                "Metadata event-metadata v2 superseded",
                "Metadata event-metadata v3 current",
            ],
            listed);
    }

    [Fact]
    public void GivenTheFixtureOfStoredEventsOfEveryVersion_ThenEachValidatesAgainstTheSchemaOfItsOwnVersion()
    {
        var fixture = StoredEventFixture.Load("stored-events-v1.json");

        Assert.All(fixture, stored => AssertValid(Registry.Validate(stored.Type, stored.SchemaVersion, stored.DataJson)));
        Assert.Contains(fixture, stored => stored.SchemaVersion < Registry.Catalogue.Current(stored.Type)!.Version);
    }

    [Fact]
    public void GivenTheFixture_WhenUpcastToTheCurrentVersion_ThenEachValidatesAgainstTheCurrentSchema()
    {
        foreach (var stored in StoredEventFixture.Load("stored-events-v1.json"))
        {
            var current = Registry.Catalogue.Current(stored.Type)!.Version;

            AssertValid(Registry.Validate(stored.Type, current, StockItemEventTypes.Serializer.CurrentData(stored.Type, stored.SchemaVersion, stored.DataJson)));
        }
    }

    [Fact]
    public void GivenAValidEvent_ThenItValidates() => AssertValid(Registry.Validate("stock-received", 1, Received));

    [Theory]
    [InlineData("quantity", null, "/", "required")]
    [InlineData("quantity", "\"5\"", "/quantity", "type")]
    [InlineData("quantity", "0", "/quantity", "minimum")]
    [InlineData("quantity", "2147483648", "/quantity", "maximum")]
    [InlineData("quantity", "1.5", "/quantity", "type")]
    [InlineData("movementId", "\"not-a-uuid\"", "/movementId", "format")]
    [InlineData("movementId", "\"00000000-0000-0000-0000-000000000000\"", "/movementId", "not")]
    [InlineData("recordedAt", "\"2025-03-14 noon\"", "/recordedAt", "format")]
    [InlineData("onHandAfter", "-1", "/onHandAfter", "minimum")]
    [InlineData("reservedAfter", "null", "/reservedAfter", "type")]
    [InlineData("direction", "\"increase\"", "/direction", "additionalProperties")]
    public void GivenAnEventWithOneWrongProperty_ThenItFailsAtThatPropertyWithTheKeyword(string property, string? value, string location, string keyword)
    {
        var data = JsonNode.Parse(Received)!.AsObject();
        data.Remove(property);
        if (value is not null)
        {
            data[property] = JsonNode.Parse(value);
        }

        var validation = Registry.Validate("stock-received", 1, data);

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Errors, e => (e.Location.Length == 0 ? "/" : e.Location) == location && e.Message.EndsWith($"({keyword})", StringComparison.Ordinal));
        Assert.StartsWith("stock-received v1 does not match its registered schema: ", validation.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stock-received", 2)]
    [InlineData("stock-teleported", 1)]
    [InlineData("stock-adjusted", 0)]
    public void GivenATypeOrVersionWithoutASchema_ThenItFails(string type, int version)
    {
        var validation = Registry.Validate(type, version, Received);

        Assert.Equal($"{type} v{version} does not match its registered schema: /: no schema is registered for {type} v{version} (see schemas/)", validation.ToString());
    }

    [Fact]
    public void GivenDataThatIsNotJson_ThenItFails() =>
        Assert.Contains("not valid JSON", Assert.Single(Registry.Validate("stock-received", 1, "{\"quantity\":").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void GivenEventDataAsTheStreamWritesIt_ThenDataAndMetadataValidate()
    {
        var stream = new StockItemStream(new InMemoryEventStore(), "wh-1/sku-1");
        var @event = new StockReceived
        {
            MovementId = Guid.NewGuid(), RecordedAt = DateTimeOffset.UtcNow, Quantity = 3, OnHandAfter = 3, ReservedAfter = 0,
        };

        var data = Assert.Single(stream.ToEventData([(@event, new EventMetadata("scanner-1", DateTimeOffset.Now, "trace", "cause", "receive:3"))]));

        AssertValid(Registry.ValidateEvent(data));
        Assert.False(Registry.ValidateEvent(data with { Metadata = """{"scanner":"x"}""" }).IsValid);
    }

    [Fact]
    public void GivenMetadataOfAnOldRowWithoutProperties_ThenItValidates() => AssertValid(Registry.ValidateMetadata("{}"));

    [Fact]
    public void GivenMetadataWithAPrincipalAsTheStreamWritesIt_ThenItValidatesAndKeepsThePrincipal()
    {
        var stream = new StockItemStream(new InMemoryEventStore(), "wh-1/sku-1");
        var @event = new StockReceived
        {
            MovementId = Guid.NewGuid(), RecordedAt = DateTimeOffset.UtcNow, Quantity = 3, OnHandAfter = 3, ReservedAfter = 0,
        };

        var data = Assert.Single(stream.ToEventData([(@event, new EventMetadata("scanner-1", DateTimeOffset.Now, "trace", "cause", "receive:3", Principal: "dock-scanner"))]));

        AssertValid(Registry.ValidateEvent(data));
        Assert.Equal("dock-scanner", JsonNode.Parse(data.Metadata)!["principal"]!.GetValue<string>());
    }

    [Fact]
    public void GivenAV2RowWithoutPrincipal_ThenItValidatesAgainstTheCurrentMetadataSchema() =>
        AssertValid(Registry.ValidateMetadata(
            """{"scannerId":"s-1","occurredAt":null,"correlationId":null,"causationId":"c","command":"receive:1","traceParent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}"""));

    [Theory]
    [InlineData("""{"principal":""}""")]
    [InlineData("""{"principal":7}""")]
    public void GivenMetadataWithAnEmptyOrNonTextPrincipal_ThenItFails(string metadata) => Assert.False(Registry.ValidateMetadata(metadata).IsValid);

    [Fact]
    public void GivenMetadataWithAPrincipalLongerThan128_ThenItFails() =>
        Assert.False(Registry.ValidateMetadata($$"""{"principal":"{{new string('k', 129)}}"}""").IsValid);

    [Fact]
    public async Task GivenASnapshotAsTheStreamWritesIt_ThenItValidates()
    {
        var store = new InMemoryEventStore();
        var item = StockItem.Fold(
        [
            new StockReceived { MovementId = Guid.NewGuid(), RecordedAt = DateTimeOffset.UtcNow, Quantity = 9, OnHandAfter = 9, ReservedAfter = 0 },
            new StockReserved { MovementId = Guid.NewGuid(), RecordedAt = DateTimeOffset.UtcNow, ReservationId = "r-1", Quantity = 4, OnHandAfter = 9, ReservedAfter = 4 },
        ]);

        await new StockItemStream(store, "wh-1/sku-1").SaveSnapshotAsync(item, 2, DateTimeOffset.UtcNow);
        var snapshot = (await store.ReadSnapshotAsync("wh-1/sku-1"))!;

        AssertValid(Registry.ValidateSnapshot(snapshot));
        AssertValid(Registry.Validate(StockItemStream.SnapshotType, StockItemStream.SnapshotSchemaVersion, """{"onHand":0,"reservations":{},"reserved":0,"reorderPoint":0,"lastMovementAt":null,"available":0}"""));
        Assert.False(Registry.ValidateSnapshot(snapshot with { Data = snapshot.Data.Replace("\"r-1\":4", "\"r-1\":0", StringComparison.Ordinal) }).IsValid);
    }

    internal static void AssertValid(SchemaValidation validation) => Assert.True(validation.IsValid, validation.ToString());
}
