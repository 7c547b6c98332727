using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>The lag in events is counted while it is small and estimated from global positions once the count reaches its cap.</summary>
public sealed class ProjectionLagTests
{
    private static readonly LogPosition Checkpoint = new(TransactionId: 900, Position: 1_000);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ProjectionLag.CountedUpTo - 1)]
    public void GivenFewerPendingEventsThanTheCap_WhenTheLagIsMeasured_ThenItIsTheCountEvenWhenPositionsSaySomethingElse(long pending)
    {
        // Positions far ahead (rolled-back transactions leave holes): a count below the cap is exact and wins.
        var head = new LogHead(Position: 1_000_000, Pending: pending, OldestPendingRecordedAt: null);

        Assert.Equal(pending, ProjectionLag.Events(head, Checkpoint));
    }

    [Fact]
    public void GivenACountThatReachedTheCap_WhenTheLagIsMeasured_ThenItIsEstimatedFromTheGlobalPositions()
    {
        var head = new LogHead(Position: 251_000, Pending: ProjectionLag.CountedUpTo, OldestPendingRecordedAt: DateTimeOffset.UnixEpoch);

        Assert.Equal(250_000, ProjectionLag.Events(head, Checkpoint));
    }

    [Fact]
    public void GivenACountThatReachedTheCapButPositionsBehindIt_WhenTheLagIsMeasured_ThenItIsNeverBelowTheCount()
    {
        // Events committed out of position order can leave the checkpoint's position close to the head's.
        var head = new LogHead(Position: 1_500, Pending: ProjectionLag.CountedUpTo, OldestPendingRecordedAt: DateTimeOffset.UnixEpoch);

        Assert.Equal(ProjectionLag.CountedUpTo, ProjectionLag.Events(head, Checkpoint));
    }
}
