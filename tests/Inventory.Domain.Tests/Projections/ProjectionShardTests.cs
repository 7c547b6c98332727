using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;
using static Inventory.Domain.Tests.Projections.StockLog;

namespace Inventory.Domain.Tests.Projections;

/// <summary>The delivery rules of a shard: each (stream, version) once, in order, gaps filled from the store, poison
/// events retried then parked.</summary>
public sealed class ProjectionShardTests
{
    private const string Apples = "w1/apples";
    private const string Pears = "w1/pears";

    [Fact]
    public async Task GivenEventsInOrder_WhenApplied_ThenTheViewHasTheLatestBalances()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10), Pick(3));
        var (shard, _) = Shard<WarehouseView>(log);

        var handled = await shard.ApplyAsync(log.Log);

        Assert.Equal(2, handled);
        var level = shard.State.View.Items["apples"];
        Assert.Equal((7, 0, 2), (level.OnHand, level.Reserved, level.Version));
        Assert.Equal(new StreamCursor(2, log.Log[1].Position), shard.State.Streams[Apples]);
    }

    [Fact]
    public async Task GivenAppliedEvents_WhenDeliveredAgain_ThenNothingIsCountedTwice()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10), Pick(3));
        var (shard, _) = Shard<WarehouseView>(log);
        await shard.ApplyAsync(log.Log);
        var before = ViewText.Of(shard.State.View);

        var handled = await shard.ApplyAsync([.. log.Log, .. log.Log]);

        Assert.Equal(0, handled);
        Assert.Equal(before, ViewText.Of(shard.State.View));
        Assert.Equal(2, shard.State.View.Movements);
    }

    [Fact]
    public async Task GivenAGap_WhenALaterVersionArrivesFirst_ThenTheMissingVersionsAreReadFromTheStoreAndAppliedFirst()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        await log.ApplyAsync(Apples, Pick(3));
        await log.ApplyAsync(Apples, Reserve(2, "r-1"));
        var (shard, environment) = Shard<WarehouseView>(log);

        var handled = await shard.ApplyAsync([log.Log[2]]);

        Assert.Equal(3, handled);
        Assert.Equal([(Apples, 0, 2)], environment.GapReads);
        Assert.Equal([3, 2, 1], shard.State.View.Recent.Select(r => r.Version));
        var level = shard.State.View.Items["apples"];
        Assert.Equal((7, 2, 3), (level.OnHand, level.Reserved, level.Version));
    }

    [Fact]
    public async Task GivenReorderedDeliveries_WhenTheEarlierArrivesLast_ThenItIsSkipped()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        await log.ApplyAsync(Apples, Pick(3));
        var (shard, _) = Shard<WarehouseView>(log);

        await shard.ApplyAsync([log.Log[1]]);
        var handled = await shard.ApplyAsync([log.Log[0]]);

        Assert.Equal(0, handled);
        Assert.Equal(2, shard.State.View.Movements);
        Assert.Equal(7, shard.State.View.Items["apples"].OnHand);
    }

    [Fact]
    public async Task GivenAVersionTheStoreDoesNotHave_WhenDelivered_ThenTheShardRefusesRatherThanSkipping()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        var (shard, _) = Shard<WarehouseView>(log);
        var forged = log.Log[0] with { Version = 5, EventId = Guid.NewGuid() };

        await Assert.ThrowsAsync<InvalidOperationException>(() => shard.ApplyAsync([forged]));

        Assert.False(shard.State.Streams.ContainsKey(Apples));
        Assert.Empty(shard.State.View.Items);
    }

    [Fact]
    public async Task GivenAPoisonEvent_WhenItKeepsFailing_ThenItIsRetriedWithBackoffParkedOnceAndTheRestIsApplied()
    {
        var log = new StockLog();
        var poison = Pick(3);
        await log.ApplyAsync(Apples, Receive(10), poison, Pick(1));
        await log.ApplyAsync(Pears, Receive(4));
        var (shard, environment) = Shard<PoisonableView>(log);
        shard.State.View.Poisoned.Add(poison.MovementId);

        var handled = await shard.ApplyAsync(log.Log);

        Assert.Equal(4, handled);
        var parked = Assert.Single(environment.Parked);
        Assert.Equal((Apples, 2, 4), (parked.Envelope.StreamId, parked.Envelope.Version, parked.Attempts));
        Assert.Contains(poison.MovementId.ToString(), parked.Error.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)], environment.Delays);
        Assert.Equal((1, 3), (shard.State.Parked, shard.State.View.Inner.Movements));
        Assert.Equal(3, shard.State.Streams[Apples].Version);
        Assert.Equal(4, shard.State.View.Inner.Items["pears"].OnHand);
    }

    [Fact]
    public async Task GivenAPoisonEvent_WhenTheDeadLetterStoreFails_ThenNothingAfterItIsAppliedAndALaterDeliveryResumes()
    {
        var log = new StockLog();
        var poison = Pick(3);
        await log.ApplyAsync(Apples, Receive(10), poison, Pick(1));
        var (shard, environment) = Shard<PoisonableView>(log);
        shard.State.View.Poisoned.Add(poison.MovementId);
        environment.ParkingFails = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => shard.ApplyAsync(log.Log));
        Assert.Equal(1, shard.State.Streams[Apples].Version);

        environment.ParkingFails = false;
        await shard.ApplyAsync(log.Log);

        Assert.Single(environment.Parked);
        Assert.Equal(3, shard.State.Streams[Apples].Version);
        Assert.Equal(2, shard.State.View.Inner.Movements);
    }

    [Fact]
    public async Task GivenAParkedEvent_WhenTheProjectionIsFixedAndItIsRedriven_ThenItIsAppliedWithoutMovingBalancesBack()
    {
        var log = new StockLog();
        var poison = Pick(3);
        await log.ApplyAsync(Apples, Receive(10), poison, Pick(1));
        var (shard, _) = Shard<PoisonableView>(log);
        shard.State.View.Poisoned.Add(poison.MovementId);
        await shard.ApplyAsync(log.Log);

        Assert.False(shard.Redrive(log.Log[1]));
        shard.State.View.Poisoned.Clear();
        Assert.True(shard.Redrive(log.Log[1]));

        var view = shard.State.View.Inner;
        Assert.Equal(3, view.Movements);
        Assert.Equal([3, 2, 1], view.Recent.Select(r => r.Version));
        Assert.Equal((6, 3), (view.Items["apples"].OnHand, view.Items["apples"].Version));
    }

    [Fact]
    public async Task GivenAppliedEvents_WhenAskedWhetherAPositionIsIn_ThenOnlyPositionsUpToTheStreamsCursorAre()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        await log.ApplyAsync(Apples, Pick(3));
        var (shard, _) = Shard<WarehouseView>(log);

        await shard.ApplyAsync([log.Log[0]]);

        Assert.True(shard.HasApplied(Apples, log.Log[0].Position));
        Assert.False(shard.HasApplied(Apples, log.Log[1].Position));
        Assert.False(shard.HasApplied(Pears, 1));
    }

    [Fact]
    public async Task GivenEventsTheLivePathDelivered_WhenCatchUpHandsTheirEntries_ThenNothingIsReadFromTheLogAndNothingChanges()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10), Pick(3));
        await log.ApplyAsync(Pears, Receive(4));
        var (shard, environment) = Shard<WarehouseView>(log);
        await shard.ApplyAsync(log.Log);
        var before = ViewText.Of(shard.State.View);

        var handled = await shard.CatchUpAsync(Entries(log.Log));

        Assert.Equal(0, handled);
        Assert.Empty(environment.LogReads);
        Assert.Equal(before, ViewText.Of(shard.State.View));
    }

    [Fact]
    public async Task GivenEventsTheLivePathLost_WhenCatchUpHandsTheEntries_ThenOnlyTheLackingEventsAreReadInOneReadAndApplied()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        await log.ApplyAsync(Pears, Receive(4));
        await log.ApplyAsync(Apples, Pick(3));
        var (shard, environment) = Shard<WarehouseView>(log);
        await shard.ApplyAsync([log.Log[0]]);

        var handled = await shard.CatchUpAsync(Entries(log.Log));

        Assert.Equal(2, handled);
        Assert.Equal([log.Log[1].Position, log.Log[2].Position], Assert.Single(environment.LogReads));
        Assert.Empty(environment.GapReads);
        Assert.Equal((7, 2), (shard.State.View.Items["apples"].OnHand, shard.State.View.Items["apples"].Version));
        Assert.Equal(4, shard.State.View.Items["pears"].OnHand);
        Assert.Equal(3, shard.State.View.Movements);
    }

    [Fact]
    public async Task GivenAShardThatLostMoreThanThePage_WhenCatchUpHandsTheEntries_ThenTheEarlierVersionsAreFilledFromTheStreamFirst()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        await log.ApplyAsync(Apples, Pick(3));
        await log.ApplyAsync(Apples, Pick(1));
        var (shard, environment) = Shard<WarehouseView>(log);

        var handled = await shard.CatchUpAsync(Entries(log.Log.Skip(2)));

        Assert.Equal(3, handled);
        Assert.Equal([(Apples, 0, 2)], environment.GapReads);
        Assert.Equal([3, 2, 1], shard.State.View.Recent.Select(r => r.Version));
        Assert.Equal(6, shard.State.View.Items["apples"].OnHand);
    }

    [Fact]
    public async Task GivenAnEntryTheLogDoesNotHave_WhenCaughtUp_ThenTheShardRefusesRatherThanSkippingIt()
    {
        var log = new StockLog();
        await log.ApplyAsync(Apples, Receive(10));
        var (shard, _) = Shard<WarehouseView>(log);
        var ghost = new LogEntry(Apples, 2, new LogPosition(log.Log[0].TransactionId + 1, log.Log[0].Position + 100));

        await Assert.ThrowsAsync<InvalidOperationException>(() => shard.CatchUpAsync([.. Entries(log.Log), ghost]));

        Assert.Equal(0, shard.State.View.Movements);
    }

    private static List<LogEntry> Entries(IEnumerable<EventEnvelope> events) =>
        events.Select(e => new LogEntry(e.StreamId, e.Version, new LogPosition(e.TransactionId, e.Position))).ToList();

    private static (ProjectionShard<TView> Shard, RecordingEnvironment Environment) Shard<TView>(StockLog log)
        where TView : IProjectionView, new()
    {
        var environment = new RecordingEnvironment(log.Store);
        return (new ProjectionShard<TView>(new ShardState<TView>(), environment, ShardRetryPolicy.Default, TimeProvider.System), environment);
    }
}
