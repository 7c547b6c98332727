using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Contracts;

/// <summary>
/// The stored JSON of every current event type, checked in. Renaming, retyping or dropping a property breaks
/// one of these: that is a schema change, which needs a new version and an upcaster, not an edit here.
/// </summary>
public sealed class EventContractSnapshotTests
{
    private static readonly Guid Movement = Guid.Parse("0195e3a1-7c00-7000-8000-0000000000aa");
    private static readonly DateTimeOffset RecordedAt = new(2025, 3, 14, 9, 30, 0, 123, TimeSpan.Zero);

    private static readonly Dictionary<string, (StockItemEvent Event, string Type, int SchemaVersion, string Json)> Snapshots = new()
    {
        ["stock-received"] = (
            new StockReceived { MovementId = Movement, RecordedAt = RecordedAt, Quantity = 5, OnHandAfter = 15, ReservedAfter = 4 },
            "stock-received",
            1,
            """{"quantity":5,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":15,"reservedAfter":4}"""),
        ["stock-picked"] = (
            new StockPicked { MovementId = Movement, RecordedAt = RecordedAt, Quantity = 2, ReservationId = "order-1", OnHandAfter = 13, ReservedAfter = 2 },
            "stock-picked",
            1,
            """{"quantity":2,"reservationId":"order-1","movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":13,"reservedAfter":2}"""),
        ["stock-picked without reservation"] = (
            new StockPicked { MovementId = Movement, RecordedAt = RecordedAt, Quantity = 2, OnHandAfter = 13, ReservedAfter = 4 },
            "stock-picked",
            1,
            """{"quantity":2,"reservationId":null,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":13,"reservedAfter":4}"""),
        ["stock-reserved"] = (
            new StockReserved { MovementId = Movement, RecordedAt = RecordedAt, ReservationId = "order-1", Quantity = 4, OnHandAfter = 15, ReservedAfter = 4 },
            "stock-reserved",
            1,
            """{"reservationId":"order-1","quantity":4,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":15,"reservedAfter":4}"""),
        ["reservation-released"] = (
            new ReservationReleased { MovementId = Movement, RecordedAt = RecordedAt, ReservationId = "order-1", Quantity = 3, OnHandAfter = 15, ReservedAfter = 1 },
            "reservation-released",
            1,
            """{"reservationId":"order-1","quantity":3,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":15,"reservedAfter":1}"""),
        ["stock-adjusted"] = (
            new StockAdjusted { MovementId = Movement, RecordedAt = RecordedAt, Delta = -2, Reason = "damaged", OnHandAfter = 13, ReservedAfter = 4 },
            "stock-adjusted",
            2,
            """{"delta":-2,"reason":"damaged","movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":13,"reservedAfter":4}"""),
        ["stock-counted"] = (
            new StockCounted { MovementId = Movement, RecordedAt = RecordedAt, CountedQuantity = 9, Delta = -1, OnHandAfter = 9, ReservedAfter = 4 },
            "stock-counted",
            1,
            """{"countedQuantity":9,"delta":-1,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":9,"reservedAfter":4}"""),
        ["reorder-point-set"] = (
            new ReorderPointSet { MovementId = Movement, RecordedAt = RecordedAt, ReorderPoint = 20, OnHandAfter = 15, ReservedAfter = 4 },
            "reorder-point-set",
            1,
            """{"reorderPoint":20,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":15,"reservedAfter":4}"""),
        ["transfer-dispatched"] = (
            new TransferDispatched { MovementId = Movement, RecordedAt = RecordedAt, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 6, OnHandAfter = 9, ReservedAfter = 4 },
            "transfer-dispatched",
            1,
            """{"transferId":"t-1","toWarehouseId":"wh-b","quantity":6,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":9,"reservedAfter":4}"""),
        ["transfer-received"] = (
            new TransferReceived { MovementId = Movement, RecordedAt = RecordedAt, TransferId = "t-1", FromWarehouseId = "wh-a", Quantity = 6, OnHandAfter = 21, ReservedAfter = 4 },
            "transfer-received",
            1,
            """{"transferId":"t-1","fromWarehouseId":"wh-a","quantity":6,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":21,"reservedAfter":4}"""),
        ["transfer-returned"] = (
            new TransferReturned { MovementId = Movement, RecordedAt = RecordedAt, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 6, OnHandAfter = 15, ReservedAfter = 4 },
            "transfer-returned",
            1,
            """{"transferId":"t-1","toWarehouseId":"wh-b","quantity":6,"movementId":"0195e3a1-7c00-7000-8000-0000000000aa","recordedAt":"2025-03-14T09:30:00.123+00:00","onHandAfter":15,"reservedAfter":4}"""),
    };

    public static TheoryData<string> Cases => new(Snapshots.Keys);

    [Fact]
    public void GivenEveryEventType_ThenEachHasAContractSnapshot()
    {
        var snapshotted = Snapshots.Values.Select(s => s.Event.GetType()).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal);

        Assert.Equal(StoredEventReplayTests.ConcreteEventTypes(), snapshotted);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAnEvent_WhenSerialized_ThenStoredNameVersionAndJsonMatchTheSnapshot(string snapshot)
    {
        var (@event, type, schemaVersion, json) = Snapshots[snapshot];

        Assert.Equal((type, schemaVersion), StockItemEventTypes.Serializer.NameOf(@event));
        Assert.Equal(json, StockItemEventTypes.Serializer.SerializeData(@event));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenTheSnapshotJson_WhenDeserialized_ThenItIsTheEvent(string snapshot)
    {
        var (@event, type, schemaVersion, json) = Snapshots[snapshot];

        Assert.Equal(@event, StockItemEventTypes.Serializer.Deserialize(type, schemaVersion, json));
    }

    [Fact]
    public void GivenTheStoredNames_ThenTheyAreTheStableContractNames()
    {
        Assert.Equal(
            [
                "stock-received", "stock-picked", "stock-reserved", "reservation-released", "stock-adjusted", "stock-counted", "reorder-point-set",
                "transfer-dispatched", "transfer-received", "transfer-returned",
            ],
            [
                StockItemEventTypes.Received, StockItemEventTypes.Picked, StockItemEventTypes.Reserved, StockItemEventTypes.Released,
                StockItemEventTypes.Adjusted, StockItemEventTypes.Counted, StockItemEventTypes.ReorderPointSet,
                StockItemEventTypes.TransferDispatched, StockItemEventTypes.TransferReceived, StockItemEventTypes.TransferReturned,
            ]);
    }
}
