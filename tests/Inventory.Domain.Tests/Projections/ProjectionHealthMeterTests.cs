using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A projection is stalled when it is behind and has not moved for a while (even while rebuilding), rebuilding
/// while a rebuild runs, live when behind by less than the live lag in event age, and catching up otherwise; its lag
/// is the count and the age of the committed events its catch-up has not read.</summary>
public sealed class ProjectionHealthMeterTests
{
    private static readonly ProjectionOptions Options = new() { StallAfter = TimeSpan.FromSeconds(10), LiveLag = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan Moving = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan NotMoving = TimeSpan.FromSeconds(11);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivenEventsPending_WhenCatchUpHasNotMovedForTheStallPeriod_ThenTheProjectionIsStalled(bool rebuilding) =>
        Assert.Equal(ProjectionHealth.Stalled, ProjectionHealthMeter.Assess(pending: 3, lagMilliseconds: 100, NotMoving, rebuilding, Options));

    [Fact]
    public void GivenNothingPending_WhenCatchUpHasNotMovedForLong_ThenTheProjectionIsLive() =>
        Assert.Equal(ProjectionHealth.Live, ProjectionHealthMeter.Assess(pending: 0, lagMilliseconds: 0, NotMoving, rebuilding: false, Options));

    [Fact]
    public void GivenARebuildRunning_WhenCatchUpMoves_ThenTheProjectionIsRebuilding() =>
        Assert.Equal(ProjectionHealth.Rebuilding, ProjectionHealthMeter.Assess(pending: 0, lagMilliseconds: 0, Moving, rebuilding: true, Options));

    [Theory]
    [InlineData(1_999, ProjectionHealth.Live)]
    [InlineData(2_000, ProjectionHealth.CatchingUp)]
    public void GivenEventsPending_WhenCatchUpMoves_ThenTheOldestPendingEventsAgeSaysLiveOrCatchingUp(double lagMilliseconds, ProjectionHealth expected) =>
        Assert.Equal(expected, ProjectionHealthMeter.Assess(pending: 3, lagMilliseconds, Moving, rebuilding: false, Options));

    [Fact]
    public async Task GivenEventsNotCaughtUp_WhenMeasured_ThenTheLagIsTheirCountAndTheAgeOfTheOldest()
    {
        var stock = new StockLog();
        await stock.ApplyAsync("wh-1/apples", StockLog.Receive(5), StockLog.Pick(1), StockLog.Pick(1));
        var caughtUpTo = new LogPosition(stock.Log[0].TransactionId, stock.Log[0].Position);
        var time = new ManualTime(stock.Log[1].RecordedAt.AddSeconds(5));
        var meter = new ProjectionHealthMeter("warehouses", stock.Store, new InMemoryDeadLetterStore(), Options, time);

        var reading = await meter.MeasureAsync(caughtUpTo, rebuilding: false);

        Assert.Equal(new HealthReading(ProjectionHealth.CatchingUp, stock.Log[^1].Position, LagEvents: 2, LagMilliseconds: 5_000, DeadLetters: 0, time.GetUtcNow()), reading);
        Assert.False(meter.Due);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(meter.Due);
    }

    [Fact]
    public async Task GivenEventsPending_WhenCatchUpHasNotDeliveredForTheStallPeriodSinceItLastDid_ThenTheProjectionIsStalled()
    {
        var stock = new StockLog();
        await stock.ApplyAsync("wh-1/apples", StockLog.Receive(5));
        var time = new ManualTime(stock.Log[0].RecordedAt);
        var meter = new ProjectionHealthMeter("warehouses", stock.Store, new InMemoryDeadLetterStore(), Options, time);
        time.Advance(TimeSpan.FromSeconds(8));
        meter.Progressed(time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(10));
        var moving = await meter.MeasureAsync(LogPosition.Start, rebuilding: false);
        time.Advance(TimeSpan.FromSeconds(1));
        var stalled = await meter.MeasureAsync(LogPosition.Start, rebuilding: false);

        Assert.Equal((ProjectionHealth.CatchingUp, ProjectionHealth.Stalled), (moving.Health, stalled.Health));
    }
}
