using Inventory.Transfers;

namespace Inventory.Domain.Tests.Transfers;

/// <summary>The stored JSON of every transfer event type, checked in (see the item events' EventContractSnapshotTests):
/// a change here is a schema change, which needs a new version and an upcaster, not an edit.</summary>
public sealed class TransferEventContractSnapshotTests
{
    private const string Base = "\"movementId\":\"0195e3a1-7c00-7000-8000-0000000000bb\",\"recordedAt\":\"2025-03-14T09:30:00.123+00:00\"";
    private static readonly Guid Movement = Guid.Parse("0195e3a1-7c00-7000-8000-0000000000bb");
    private static readonly Guid Receipt = Guid.Parse("0195e3a1-7c00-7000-8000-0000000000cc");
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 30, 0, 123, TimeSpan.Zero);

    private static readonly Dictionary<string, (TransferEvent Event, string Json)> Snapshots = new()
    {
        ["transfer-requested"] = (
            new TransferRequested { MovementId = Movement, RecordedAt = At, TransferId = "t-1", FromWarehouseId = "wh-a", ToWarehouseId = "wh-b", Lines = [new("sku-1", 5)], Reason = "rebalance" },
            """{"transferId":"t-1","fromWarehouseId":"wh-a","toWarehouseId":"wh-b","lines":[{"sku":"sku-1","quantity":5}],"reason":"rebalance",""" + Base + "}"),
        ["transfer-line-dispatched"] = (
            new TransferLineDispatched { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 5, ItemVersion = 7, Position = 70 },
            """{"sku":"sku-1","quantity":5,"itemVersion":7,"position":70,""" + Base + "}"),
        ["transfer-line-refused"] = (
            new TransferLineRefused { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 5, Code = "insufficient-stock", Message = "Only 2 available." },
            """{"sku":"sku-1","quantity":5,"code":"insufficient-stock","message":"Only 2 available.",""" + Base + "}"),
        ["transfer-receipt-accepted"] = (
            new TransferReceiptAccepted { MovementId = Movement, RecordedAt = At, ReceiptId = Receipt, Lines = [new("sku-1", 2)] },
            """{"receiptId":"0195e3a1-7c00-7000-8000-0000000000cc","lines":[{"sku":"sku-1","quantity":2}],""" + Base + "}"),
        ["transfer-line-received"] = (
            new TransferLineReceived { MovementId = Movement, RecordedAt = At, ReceiptId = Receipt, Sku = "sku-1", Quantity = 2, ItemVersion = 3, Position = 90 },
            """{"receiptId":"0195e3a1-7c00-7000-8000-0000000000cc","sku":"sku-1","quantity":2,"itemVersion":3,"position":90,""" + Base + "}"),
        ["transfer-cancel-requested"] = (
            new TransferCancelRequested { MovementId = Movement, RecordedAt = At, Reason = null },
            """{"reason":null,""" + Base + "}"),
        ["transfer-line-returned"] = (
            new TransferLineReturned { MovementId = Movement, RecordedAt = At, Sku = "sku-1", Quantity = 3, ItemVersion = 8, Position = 95 },
            """{"sku":"sku-1","quantity":3,"itemVersion":8,"position":95,""" + Base + "}"),
        ["transfer-completed"] = (new TransferCompleted { MovementId = Movement, RecordedAt = At }, "{" + Base + "}"),
        ["transfer-cancelled"] = (new TransferCancelled { MovementId = Movement, RecordedAt = At }, "{" + Base + "}"),
        ["transfer-failed"] = (new TransferFailed { MovementId = Movement, RecordedAt = At }, "{" + Base + "}"),
    };

    public static TheoryData<string> Cases => new(Snapshots.Keys);

    [Fact]
    public void GivenEveryTransferEventType_ThenEachHasAContractSnapshotUnderItsStoredName() =>
        Assert.Equal(
            TransferEventTypes.Serializer.Types.Select(t => t.Name).Order(StringComparer.Ordinal),
            Snapshots.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAnEvent_WhenSerialized_ThenNameVersionAndJsonMatchTheSnapshot_AndTheJsonReadsBackAsTheEvent(string type)
    {
        var (@event, json) = Snapshots[type];

        Assert.Equal((type, 1), TransferEventTypes.Serializer.NameOf(@event));
        Assert.Equal(json, TransferEventTypes.Serializer.SerializeData(@event));
        var back = TransferEventTypes.Serializer.Deserialize(type, 1, json);
        Assert.Equal(json, TransferEventTypes.Serializer.SerializeData(back));
    }
}
