using Inventory.Orders;

namespace Inventory.Domain.Tests.Orders;

/// <summary>The stored JSON of every order event type, checked in (see the item events' EventContractSnapshotTests): a
/// change here is a schema change, which needs a new version and an upcaster, not an edit.</summary>
public sealed class OrderEventContractSnapshotTests
{
    private const string Base = "\"movementId\":\"0195e3a1-7c00-7000-8000-0000000000bb\",\"recordedAt\":\"2025-03-14T09:30:00.123+00:00\"";
    private static readonly Guid Movement = Guid.Parse("0195e3a1-7c00-7000-8000-0000000000bb");
    private static readonly Guid Pick = Guid.Parse("0195e3a1-7c00-7000-8000-0000000000cc");
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 30, 0, 123, TimeSpan.Zero);

    private static readonly Dictionary<string, (OrderEvent Event, string Json)> Snapshots = new()
    {
        ["order-requested"] = (
            new OrderRequested { MovementId = Movement, RecordedAt = At, OrderId = "o-1", WarehouseId = "wh-a", Lines = [new("sku-1", 5)] },
            """{"orderId":"o-1","warehouseId":"wh-a","lines":[{"sku":"sku-1","quantity":5}],""" + Base + "}"),
        ["order-line-reserved"] = (
            new OrderLineReserved { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 5, ItemVersion = 7, Position = 70 },
            """{"sku":"sku-1","quantity":5,"itemVersion":7,"position":70,""" + Base + "}"),
        ["order-line-refused"] = (
            new OrderLineRefused { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 5, Code = "insufficient-stock", Message = "Only 2 available." },
            """{"sku":"sku-1","quantity":5,"code":"insufficient-stock","message":"Only 2 available.",""" + Base + "}"),
        ["order-pick-accepted"] = (
            new OrderPickAccepted { MovementId = Movement, RecordedAt = At, PickId = Pick, Lines = [new("sku-1", 2)], Everything = false },
            """{"pickId":"0195e3a1-7c00-7000-8000-0000000000cc","lines":[{"sku":"sku-1","quantity":2}],"everything":false,""" + Base + "}"),
        ["order-line-picked"] = (
            new OrderLinePicked { MovementId = Movement, RecordedAt = At, PickId = Pick, Sku = "sku-1", Quantity = 2, ItemVersion = 8, Position = 90 },
            """{"pickId":"0195e3a1-7c00-7000-8000-0000000000cc","sku":"sku-1","quantity":2,"itemVersion":8,"position":90,""" + Base + "}"),
        ["order-line-pick-refused"] = (
            new OrderLinePickRefused { MovementId = Movement, RecordedAt = At, PickId = Pick, Sku = "sku-1", Quantity = 2, Code = "unknown-reservation", Message = "Reservation o.o-1 is not open." },
            """{"pickId":"0195e3a1-7c00-7000-8000-0000000000cc","sku":"sku-1","quantity":2,"code":"unknown-reservation","message":"Reservation o.o-1 is not open.",""" + Base + "}"),
        ["order-release-requested"] = (
            new OrderReleaseRequested { MovementId = Movement, RecordedAt = At, Reason = "customer cancelled" },
            """{"reason":"customer cancelled",""" + Base + "}"),
        ["order-line-released"] = (
            new OrderLineReleased { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 3, ItemVersion = 9, Position = 95 },
            """{"sku":"sku-1","quantity":3,"itemVersion":9,"position":95,""" + Base + "}"),
        ["order-line-reservation-lost"] = (
            new OrderLineReservationLost { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 3, Code = "unknown-reservation", Message = "Reservation o.o-1 is not open." },
            """{"sku":"sku-1","quantity":3,"code":"unknown-reservation","message":"Reservation o.o-1 is not open.",""" + Base + "}"),
        ["order-fulfilled"] = (new OrderFulfilled { MovementId = Movement, RecordedAt = At }, "{" + Base + "}"),
        ["order-released"] = (new OrderReleased { MovementId = Movement, RecordedAt = At }, "{" + Base + "}"),
        ["order-failed"] = (new OrderFailed { MovementId = Movement, RecordedAt = At }, "{" + Base + "}"),
    };

    public static TheoryData<string> Cases => new(Snapshots.Keys);

    [Fact]
    public void GivenEveryOrderEventType_ThenEachHasAContractSnapshotUnderItsStoredName() =>
        Assert.Equal(
            OrderEventTypes.Serializer.Types.Select(t => t.Name).Order(StringComparer.Ordinal),
            Snapshots.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAnEvent_WhenSerialized_ThenNameVersionAndJsonMatchTheSnapshot_AndTheJsonReadsBackAsTheEvent(string type)
    {
        var (@event, json) = Snapshots[type];

        Assert.Equal((type, 1), OrderEventTypes.Serializer.NameOf(@event));
        Assert.Equal(json, OrderEventTypes.Serializer.SerializeData(@event));
        var back = OrderEventTypes.Serializer.Deserialize(type, 1, json);
        Assert.Equal(json, OrderEventTypes.Serializer.SerializeData(back));
    }
}
