using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Fact]
    public void GivenStock_WhenCountingLess_ThenStockCountedWithNegativeDelta() =>
        Given(Received(10, onHandAfter: 10))
            .When(Count(7))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = 7, Delta = -3, OnHandAfter = 7, ReservedAfter = 0 });

    [Fact]
    public void GivenStock_WhenCountingMore_ThenStockCountedWithPositiveDelta() =>
        Given(Received(10, onHandAfter: 10))
            .When(Count(12))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = 12, Delta = 2, OnHandAfter = 12, ReservedAfter = 0 });

    [Fact]
    public void GivenStock_WhenCountingTheSame_ThenStockCountedWithZeroDelta() =>
        Given(Received(10, onHandAfter: 10))
            .When(Count(10))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = 10, Delta = 0, OnHandAfter = 10, ReservedAfter = 0 });

    [Fact]
    public void GivenStockWithNothingReserved_WhenCountingZero_ThenAccepted() =>
        Given(Received(10, onHandAfter: 10))
            .When(Count(0))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = 0, Delta = -10, OnHandAfter = 0, ReservedAfter = 0 });

    [Fact]
    public void GivenNoHistory_WhenCountingZero_ThenAcceptedWithZeroDelta() =>
        Given()
            .When(Count(0))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = 0, Delta = 0, OnHandAfter = 0, ReservedAfter = 0 });

    [Fact]
    public void GivenNoHistory_WhenCountingMaxQuantity_ThenAccepted() =>
        Given()
            .When(Count(Max))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = Max, Delta = Max, OnHandAfter = Max, ReservedAfter = 0 });

    [Fact]
    public void GivenReservedStock_WhenCountingExactlyReserved_ThenAcceptedAndReservationKept()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Count(4))
            .Then(new StockCounted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, CountedQuantity = 4, Delta = -6, OnHandAfter = 4, ReservedAfter = 4 });

        Assert.Equal(KeyValuePair.Create("order-1", 4L), Assert.Single(after.Reservations));
    }

    [Fact]
    public void GivenReservedStock_WhenCountingBelowReserved_ThenRejectsCountBelowReserved() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Count(3))
            .ThenRejects(RejectionCodes.CountBelowReserved);

    [Fact]
    public void GivenReservedStock_WhenCountingZero_ThenRejectsCountBelowReserved() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 1, onHandAfter: 10, reservedAfter: 1))
            .When(Count(0))
            .ThenRejects(RejectionCodes.CountBelowReserved);

    [Theory]
    [InlineData(-1)]
    [InlineData(Max + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void GivenStock_WhenCountingOutOfRange_ThenRejectsInvalidQuantity(int countedQuantity) =>
        Given(Received(10, onHandAfter: 10))
            .When(Count(countedQuantity))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Fact]
    public void GivenStock_WhenCountingWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given(Received(10, onHandAfter: 10))
            .When(Count(10) with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
