using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>When a shard's own timer writes: once its oldest unwritten event has waited the interval, however long ago
/// the shard last wrote.</summary>
public sealed class UnwrittenEventsTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly SettableClock _clock = new();

    [Fact]
    public void GivenAShardIdleForAnHour_WhenEventsArrive_ThenTheyAreNotOverdueUntilTheyHaveWaitedTheInterval()
    {
        var unwritten = new UnwrittenEvents(_clock);
        unwritten.Applied();
        _ = unwritten.Writing();
        _clock.Advance(TimeSpan.FromHours(1));

        unwritten.Applied();
        var atOnce = unwritten.HaveWaited(Interval);
        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        var justBefore = unwritten.HaveWaited(Interval);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(atOnce);
        Assert.False(justBefore);
        Assert.True(unwritten.HaveWaited(Interval));
    }

    [Fact]
    public void GivenEventsArrivingSteadily_WhenTheFirstHasWaitedTheInterval_ThenTheyAreOverdue()
    {
        var unwritten = new UnwrittenEvents(_clock);

        for (var i = 0; i < 15; i++)
        {
            unwritten.Applied();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(unwritten.HaveWaited(Interval));
        Assert.Equal(_clock.GetUtcNow() - Interval, unwritten.Since);
    }

    [Fact]
    public void GivenNothingUnwritten_WhenAnyTimePasses_ThenNothingIsOverdue()
    {
        var unwritten = new UnwrittenEvents(_clock);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.False(unwritten.Any);
        Assert.False(unwritten.HaveWaited(Interval));
    }

    [Fact]
    public void GivenAWriteThatFails_WhenMoreEventsCameDuringIt_ThenTheOldestTimeIsKept()
    {
        var unwritten = new UnwrittenEvents(_clock);
        unwritten.Applied();
        var first = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(10));

        var since = unwritten.Writing();
        var clearedByTheWrite = !unwritten.Any;
        unwritten.Applied();
        unwritten.WriteFailed(since);

        Assert.True(clearedByTheWrite);
        Assert.Equal(first, unwritten.Since);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(unwritten.HaveWaited(Interval));
    }

    [Fact]
    public void GivenAWriteThatSucceeds_WhenEventsCameDuringIt_ThenTheyWaitFromTheirOwnTime()
    {
        var unwritten = new UnwrittenEvents(_clock);
        unwritten.Applied();
        _clock.Advance(TimeSpan.FromSeconds(20));

        _ = unwritten.Writing();
        unwritten.Applied();

        Assert.Equal(_clock.GetUtcNow(), unwritten.Since);
        Assert.False(unwritten.HaveWaited(Interval));
    }

    private sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
