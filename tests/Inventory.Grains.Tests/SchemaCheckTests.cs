using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.StockItems;
using Inventory.Testing;
using static Inventory.Grains.Tests.Commands;

namespace Inventory.Grains.Tests;

/// <summary>Every event and snapshot the grains write in these tests goes through <see cref="SchemaCheckingEventStore"/>,
/// which refuses what does not match the registered schemas; the fixture fails on dispose if anything was refused.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SchemaCheckTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GivenEveryKindOfMovementAndASnapshot_WhenTheGrainWritesThem_ThenEachWasCheckedAndMatchedItsSchema()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        var eventsBefore = fixture.Schemas.EventsChecked;
        var snapshotsBefore = fixture.Schemas.SnapshotsChecked;
        var violationsBefore = fixture.Schemas.Violations.Count;
        StockCommand[] commands =
        [
            Receive(20), Reserve(5, "order-1"), Pick(2, reservationId: "order-1"), Pick(1),
            new ReleaseReservation { MovementId = Guid.NewGuid(), ReservationId = "order-1" },
            Adjust(-3, "damaged"), Adjust(4, "found"),
            new CountStock { MovementId = Guid.NewGuid(), CountedQuantity = 15, ScannerId = "counter-1", OccurredAt = DateTimeOffset.UtcNow },
            new SetReorderPoint { MovementId = Guid.NewGuid(), ReorderPoint = 4 },
            Receive(1),
        ];

        foreach (var command in commands)
        {
            Assert.True((await item.ExecuteAsync(command)).Accepted, command.ToString());
        }

        Assert.True(fixture.Schemas.EventsChecked - eventsBefore >= commands.Length);
        Assert.True(fixture.Schemas.SnapshotsChecked > snapshotsBefore, "The tenth movement should have written a snapshot.");
        Assert.Equal(violationsBefore, fixture.Schemas.Violations.Count);
        Assert.Equal(
            ["stock-received", "stock-reserved", "stock-picked", "stock-picked", "reservation-released", "stock-adjusted", "stock-adjusted", "stock-counted", "reorder-point-set", "stock-received"],
            (await fixture.Store.ReadStreamAsync(key, 0, 100)).Select(e => e.Type));
    }

    [Fact]
    public async Task GivenAnEventThatDoesNotMatchItsSchema_WhenAppended_ThenItIsRefusedAndReported()
    {
        var store = new SchemaCheckingEventStore(new InMemoryEventStore());
        var movementId = Guid.NewGuid();
        var wrong = new EventData(DeterministicGuid.ForEvent("wh/sku", movementId), movementId, StockItemEventTypes.Received, 1,
            $$"""{"quantity":"5","movementId":"{{movementId}}","recordedAt":"2025-03-14T09:30:00+00:00","onHandAfter":5,"reservedAfter":0}""", "{}", DateTimeOffset.UtcNow);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => store.AppendAsync("wh/sku", 0, [wrong]));

        Assert.Contains("stock-received v1 does not match its registered schema: /quantity: Value is \"string\" but should be \"integer\" (type)", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadStreamAsync("wh/sku", 0, 10));
        var failure = Assert.Throws<InvalidDataException>(store.AssertNoViolations);
        Assert.StartsWith("1 write(s) did not match the registered schemas", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenASnapshotThatDoesNotMatchItsSchema_WhenSaved_ThenItIsRefused()
    {
        var store = new SchemaCheckingEventStore(new InMemoryEventStore());

        await Assert.ThrowsAsync<InvalidDataException>(() => store.SaveSnapshotAsync(
            new StreamSnapshot("wh/sku", 1, StockItemStream.SnapshotType, StockItemStream.SnapshotSchemaVersion, """{"onHand":-1}""", DateTimeOffset.UtcNow)));

        Assert.Null(await store.ReadSnapshotAsync("wh/sku"));
        Assert.Single(store.Violations);
    }
}
