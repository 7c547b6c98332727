using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Fact]
    public void GivenNoHistory_WhenReceivingOne_ThenStockReceivedWithOnHandOne() =>
        Given()
            .When(Receive(1))
            .Then(new StockReceived { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 1, OnHandAfter = 1, ReservedAfter = 0 });

    [Fact]
    public void GivenStockWithReservation_WhenReceiving_ThenOnHandGrowsAndReservedIsKept()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Receive(5))
            .Then(new StockReceived { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 5, OnHandAfter = 15, ReservedAfter = 4 });

        Assert.Equal(11, after.Available);
        Assert.Equal(4, after.Reservations["order-1"]);
    }

    [Fact]
    public void GivenNoHistory_WhenReceivingMaxQuantity_ThenAccepted() =>
        Given()
            .When(Receive(1_000_000))
            .Then(new StockReceived { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 1_000_000, OnHandAfter = 1_000_000, ReservedAfter = 0 });

    [Fact]
    public void GivenOnHandAtMaxQuantity_WhenReceivingMaxQuantity_ThenOnHandGoesPastTheSingleMovementLimit() =>
        Given(Received(Max, onHandAfter: Max))
            .When(Receive(Max))
            .Then(new StockReceived { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = Max, OnHandAfter = 2_000_000, ReservedAfter = 0 });

    [Theory]
    [MemberData(nameof(InvalidQuantities))]
    public void GivenStock_WhenReceivingQuantityOutOfRange_ThenRejectsInvalidQuantity(int quantity) =>
        Given(Received(10, onHandAfter: 10))
            .When(Receive(quantity))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Fact]
    public void GivenStock_WhenReceivingWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given(Received(10, onHandAfter: 10))
            .When(Receive(5) with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);

    [Fact]
    public void GivenNoHistory_WhenReceivingZeroWithEmptyMovementId_ThenTheMovementIdIsCheckedFirst() =>
        Given()
            .When(Receive(0) with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
