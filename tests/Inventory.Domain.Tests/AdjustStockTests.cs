using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Fact]
    public void GivenStock_WhenAdjustingUp_ThenStockAdjustedWithPositiveDelta() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(3, "found on another shelf"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = 3, Reason = "found on another shelf", OnHandAfter = 13, ReservedAfter = 0 });

    [Fact]
    public void GivenStock_WhenAdjustingDown_ThenStockAdjustedWithNegativeDelta() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-3, "damaged"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = -3, Reason = "damaged", OnHandAfter = 7, ReservedAfter = 0 });

    [Fact]
    public void GivenStock_WhenAdjustingDownToZero_ThenAccepted() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-10, "damaged"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = -10, Reason = "damaged", OnHandAfter = 0, ReservedAfter = 0 });

    [Fact]
    public void GivenReservedStock_WhenAdjustingDownToExactlyReserved_ThenAccepted()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Adjust(-6, "damaged"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = -6, Reason = "damaged", OnHandAfter = 4, ReservedAfter = 4 });

        Assert.Equal(0, after.Available);
    }

    [Fact]
    public void GivenReservedStock_WhenAdjustingDownBelowReserved_ThenRejectsBelowReserved() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Adjust(-7, "damaged"))
            .ThenRejects(RejectionCodes.BelowReserved);

    [Fact]
    public void GivenStock_WhenAdjustingDownBelowZero_ThenRejectsBelowReserved() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-11, "damaged"))
            .ThenRejects(RejectionCodes.BelowReserved);

    [Fact]
    public void GivenNoHistory_WhenAdjustingUpByMaxQuantity_ThenAccepted() =>
        Given()
            .When(Adjust(Max, "opening balance"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = Max, Reason = "opening balance", OnHandAfter = Max, ReservedAfter = 0 });

    [Fact]
    public void GivenMaxQuantityOnHand_WhenAdjustingDownByMaxQuantity_ThenAccepted() =>
        Given(Received(Max, onHandAfter: Max))
            .When(Adjust(-Max, "written off"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = -Max, Reason = "written off", OnHandAfter = 0, ReservedAfter = 0 });

    [Theory]
    [InlineData(0)]
    [InlineData(Max + 1)]
    [InlineData(-Max - 1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void GivenMoreThanMaxQuantityOnHand_WhenAdjustingByDeltaOutOfRange_ThenRejectsInvalidQuantity(int delta) =>
        Given(Received(Max, onHandAfter: Max), Received(Max, onHandAfter: 2 * Max))
            .When(Adjust(delta, "damaged"))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData(null)]
    public void GivenStock_WhenAdjustingWithoutAReason_ThenRejectsReasonRequired(string? reason) =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-1, reason!))
            .ThenRejects(RejectionCodes.ReasonRequired);

    [Fact]
    public void GivenStock_WhenAdjustingWithAReasonOf201Characters_ThenRejectsReasonRequired() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-1, new string('x', 201)))
            .ThenRejects(RejectionCodes.ReasonRequired);

    [Fact]
    public void GivenStock_WhenAdjustingWithAReasonOf200Characters_ThenAccepted() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-1, new string('x', 200)))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = -1, Reason = new string('x', 200), OnHandAfter = 9, ReservedAfter = 0 });

    [Fact]
    public void GivenStock_WhenAdjustingWithAOneCharacterReason_ThenAcceptedWithTheReasonAsGiven() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(1, "x"))
            .Then(new StockAdjusted { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Delta = 1, Reason = "x", OnHandAfter = 11, ReservedAfter = 0 });

    [Fact]
    public void GivenStock_WhenAdjustingWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given(Received(10, onHandAfter: 10))
            .When(Adjust(-1, "damaged") with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
