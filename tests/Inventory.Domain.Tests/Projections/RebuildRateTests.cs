using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A rebuild reports its own rate: the events it read over the time it took, frozen when it caught up; what it
/// gets while shadowing and the time it waits for the handover do not pull the rate down.</summary>
public sealed class RebuildRateTests
{
    private static readonly TimeSpan Handover = TimeSpan.FromSeconds(3);
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LogPosition Head = new(TransactionId: 50, Position: 500);

    [Fact]
    public void GivenARebuildReading_WhenMeasured_ThenItsRateIsWhatItReadOverTheTimeSoFar()
    {
        var lifecycle = Rebuilding();
        lifecycle.Read(1_000, reachedEnd: false, Head, Head, At(1));
        lifecycle.Read(1_000, reachedEnd: false, Head, Head, At(2));

        var progress = lifecycle.Progress(Head, At(4))!;

        Assert.Equal((2_000, 500.0), (progress.Applied, progress.EventsPerSecond));
    }

    [Fact]
    public void GivenARebuildThatCaughtUp_WhenMeasuredWhileItShadows_ThenItsRateStaysWhatItWasWhenItCaughtUp()
    {
        var lifecycle = Rebuilding();
        lifecycle.Read(3_000, reachedEnd: false, Head, Head, At(2));
        lifecycle.Read(1_000, reachedEnd: true, Head, Head, At(4));

        lifecycle.Read(10, reachedEnd: true, Head, Head, At(5.5));
        lifecycle.Read(5, reachedEnd: true, Head, Head, At(6.5));
        var atCaughtUp = lifecycle.Progress(Head, At(4))!;
        var later = lifecycle.Progress(Head, At(6.9))!;

        Assert.Equal(1_000.0, atCaughtUp.EventsPerSecond);
        Assert.Equal((4_015, 1_000.0), (later.Applied, later.EventsPerSecond));
    }

    [Fact]
    public void GivenAHandoverDue_WhenTheRateIsTakenForTheTakeover_ThenItIsTheRebuildsOwnNotOneThatCountsTheHandover()
    {
        // The coordinator logs the rebuild's progress as it hands over.
        var lifecycle = Rebuilding();
        lifecycle.Read(4_000, reachedEnd: true, Head, Head, At(4));
        Assert.Equal(RebuildStep.HandoverDue, lifecycle.Read(0, reachedEnd: true, Head, Head, At(7)));

        var handedOver = lifecycle.Progress(Head, At(7.2))!;
        lifecycle.TakeOver(Head, At(7.2));

        Assert.Equal(1_000.0, handedOver.EventsPerSecond);
    }

    [Fact]
    public void GivenAStateStoredWhileShadowingWithoutTheCountAtCatchUp_WhenMeasured_ThenTheRateStillEndsWhenItCaughtUp()
    {
        // Stored by a version that did not record RebuildAppliedWhenCaughtUp: what it read while shadowing counts in,
        // the time since it caught up does not.
        var state = new CoordinatorState
        {
            RebuildGeneration = 2,
            RebuildStartedAt = At(0),
            RebuildApplied = 4_100,
            ShadowingSince = At(4),
        };

        var progress = new GenerationLifecycle(state, Handover).Progress(Head, At(60))!;

        Assert.Equal(1_025.0, progress.EventsPerSecond);
    }

    [Fact]
    public void GivenARebuildStartedAgainAfterAHandover_WhenMeasured_ThenItsRateIsItsOwnNotThePreviousRebuilds()
    {
        var lifecycle = Rebuilding();
        lifecycle.Read(4_000, reachedEnd: true, Head, Head, At(4));
        lifecycle.Read(0, reachedEnd: true, Head, Head, At(7));
        lifecycle.TakeOver(Head, At(7));
        lifecycle.Retired();

        lifecycle.StartRebuild(At(100));
        lifecycle.Read(600, reachedEnd: false, Head, Head, At(101));

        Assert.Equal(300.0, lifecycle.Progress(Head, At(102))!.EventsPerSecond);
    }

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static GenerationLifecycle Rebuilding()
    {
        var lifecycle = new GenerationLifecycle(new CoordinatorState(), Handover);
        lifecycle.StartRebuild(At(0));
        return lifecycle;
    }
}
