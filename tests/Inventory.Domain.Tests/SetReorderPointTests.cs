using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(Max)]
    public void GivenNoHistory_WhenSettingReorderPointInRange_ThenReorderPointSet(int reorderPoint)
    {
        var after = Given()
            .When(SetReorderPointTo(reorderPoint))
            .Then(new ReorderPointSet { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReorderPoint = reorderPoint, OnHandAfter = 0, ReservedAfter = 0 });

        Assert.Equal(reorderPoint, after.ReorderPoint);
    }

    [Fact]
    public void GivenStockAndReorderPoint_WhenSettingAnother_ThenBalancesAreKeptAndReorderPointReplaced()
    {
        var after = Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4),
                ReorderPointWasSet(5, onHandAfter: 10, reservedAfter: 4))
            .When(SetReorderPointTo(8))
            .Then(new ReorderPointSet { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReorderPoint = 8, OnHandAfter = 10, ReservedAfter = 4 });

        Assert.Equal(8, after.ReorderPoint);
        Assert.Equal(KeyValuePair.Create("order-1", 4L), Assert.Single(after.Reservations));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Max + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void GivenReorderPoint_WhenSettingOutOfRange_ThenRejectsInvalidQuantity(int reorderPoint) =>
        Given(ReorderPointWasSet(5))
            .When(SetReorderPointTo(reorderPoint))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Fact]
    public void GivenNoHistory_WhenSettingReorderPointWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given()
            .When(SetReorderPointTo(5) with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
