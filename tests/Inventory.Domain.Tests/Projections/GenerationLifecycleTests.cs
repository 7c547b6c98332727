using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A blue/green rebuild step by step: the new generation reads from position 0 on catch-up alone, also gets
/// live events once it has read to the end, takes over reads only after a handover period and at or past the active
/// generation's position, and the replaced generation keeps getting live events for another handover period before it
/// is retired.</summary>
public sealed class GenerationLifecycleTests
{
    private static readonly TimeSpan Handover = TimeSpan.FromSeconds(3);
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LogPosition Behind = new(TransactionId: 40, Position: 400);
    private static readonly LogPosition Head = new(TransactionId: 50, Position: 500);

    [Fact]
    public void GivenAProjectionServing_WhenARebuildStarts_ThenTheNextGenerationReadsFromTheStartAndGetsNoLiveEventsYet()
    {
        var state = Serving(generation: 4, "wh-1");
        var lifecycle = new GenerationLifecycle(state, Handover);

        var generation = lifecycle.StartRebuild(At(0));

        Assert.Equal(5, generation);
        Assert.Equal(5, lifecycle.Rebuilding);
        Assert.Equal(4, lifecycle.Active);
        Assert.Equal(LogPosition.Start, state.RebuildCheckpoint);
        Assert.Empty(state.RebuildPartitions);
        Assert.Equal([4], lifecycle.LiveGenerations(At(1)));
        Assert.Equal(new RebuildProgress(5, LogPosition.Start, 0, 0, At(0), Shadowing: false), lifecycle.Progress(LogPosition.Start, At(0)));
    }

    [Fact]
    public void GivenARebuildRunning_WhenAnotherStarts_ThenItIsRefused()
    {
        var lifecycle = new GenerationLifecycle(Serving(), Handover);
        lifecycle.StartRebuild(At(0));

        Assert.Throws<InvalidOperationException>(() => lifecycle.StartRebuild(At(1)));
        Assert.Equal(2, lifecycle.Rebuilding);
    }

    [Fact]
    public void GivenAReplacedGenerationNotRetiredYet_WhenARebuildStarts_ThenItIsRefused()
    {
        var lifecycle = TakenOver();

        Assert.Throws<InvalidOperationException>(() => lifecycle.StartRebuild(At(20)));
        Assert.Null(lifecycle.Rebuilding);
    }

    [Fact]
    public void GivenARebuildReading_WhenATickStopsShortOfTheEnd_ThenItKeepsReadingAndCountsWhatItRead()
    {
        var state = Serving();
        var lifecycle = new GenerationLifecycle(state, Handover);
        lifecycle.StartRebuild(At(0));

        var first = lifecycle.Read(1_000, reachedEnd: false, Behind, Head, At(1));
        var second = lifecycle.Read(500, reachedEnd: false, Behind, Head, At(2));

        Assert.Equal((RebuildStep.Reading, RebuildStep.Reading), (first, second));
        Assert.Equal(1_500, state.RebuildApplied);
        Assert.Null(state.ShadowingSince);
        Assert.Equal([1], lifecycle.LiveGenerations(At(2)));
    }

    [Fact]
    public void GivenARebuildReading_WhenItReachesTheEnd_ThenItHasCaughtUpAndAlsoGetsLiveEvents()
    {
        var state = Serving();
        var lifecycle = new GenerationLifecycle(state, Handover);
        lifecycle.StartRebuild(At(0));

        var step = lifecycle.Read(700, reachedEnd: true, Head, Head, At(5));

        Assert.Equal(RebuildStep.CaughtUp, step);
        Assert.Equal(At(5), state.ShadowingSince);
        Assert.Equal([1, 2], lifecycle.LiveGenerations(At(5)));
        Assert.True(lifecycle.Progress(Head, At(5))!.Shadowing);
    }

    [Fact]
    public void GivenARebuildCaughtUp_WhenLessThanAHandoverPeriodHasPassed_ThenItOnlyShadows()
    {
        var lifecycle = CaughtUpAt(5);

        Assert.Equal(RebuildStep.Shadowing, lifecycle.Read(3, reachedEnd: true, Head, Head, At(7.9)));
    }

    [Fact]
    public void GivenARebuildCaughtUp_WhenAHandoverPeriodHasPassedButItIsBehindTheActiveGeneration_ThenItOnlyShadows()
    {
        var lifecycle = CaughtUpAt(5);

        Assert.Equal(RebuildStep.Shadowing, lifecycle.Read(0, reachedEnd: true, Behind, Head, At(9)));
    }

    [Fact]
    public void GivenARebuildCaughtUp_WhenAHandoverPeriodHasPassedAndItIsAtTheActivePosition_ThenTheHandoverIsDue()
    {
        var lifecycle = CaughtUpAt(5);

        Assert.Equal(RebuildStep.HandoverDue, lifecycle.Read(0, reachedEnd: true, Head, Head, At(8)));
    }

    [Fact]
    public void GivenARebuildReading_WhenItTakesOverBeforeCatchingUp_ThenItIsRefused()
    {
        var lifecycle = new GenerationLifecycle(Serving(), Handover);
        lifecycle.StartRebuild(At(0));

        Assert.Throws<InvalidOperationException>(() => lifecycle.TakeOver(Head, At(1)));
        Assert.Equal(1, lifecycle.Active);
    }

    [Fact]
    public void GivenAHandoverDue_WhenTheRebuiltGenerationTakesOver_ThenItServesReadsFromItsCheckpointWithItsPartitions()
    {
        var state = Serving(generation: 1, "wh-old");
        var lifecycle = new GenerationLifecycle(state, Handover);
        lifecycle.StartRebuild(At(0));
        state.RebuildPartitions.Add("wh-new");
        lifecycle.Read(10, reachedEnd: true, Head, Head, At(5));

        var previous = lifecycle.TakeOver(Head, At(8));

        Assert.Equal(1, previous);
        Assert.Equal((2, Head, (int?)null), (lifecycle.Active, state.Checkpoint, lifecycle.Rebuilding));
        Assert.Equal(["wh-new"], state.Partitions);
        Assert.Empty(state.RebuildPartitions);
        Assert.Null(lifecycle.Progress(Head, At(8)));
        Assert.Equal(1, lifecycle.Retiring);
        Assert.Equal(["wh-old"], lifecycle.RetiringPartitions);
    }

    [Fact]
    public void GivenAGenerationReplaced_WhileItsHandoverPeriodLasts_ThenItStillGetsLiveEventsAndIsNotDueToRetire()
    {
        var lifecycle = TakenOver(at: 8);

        Assert.Equal([2, 1], lifecycle.LiveGenerations(At(10.9)));
        Assert.False(lifecycle.RetireDue(At(10.9)));
    }

    [Fact]
    public void GivenAGenerationReplaced_WhenItsHandoverPeriodIsOver_ThenItGetsNoLiveEventsAndIsDueToRetire()
    {
        var lifecycle = TakenOver(at: 8);

        Assert.Equal([2], lifecycle.LiveGenerations(At(11)));
        Assert.True(lifecycle.RetireDue(At(11)));
    }

    [Fact]
    public void GivenAGenerationDueToRetire_WhenItsShardsWereCleared_ThenNothingRetiresAndANewRebuildCanStart()
    {
        var lifecycle = TakenOver(at: 8);

        lifecycle.Retired();

        Assert.Null(lifecycle.Retiring);
        Assert.Empty(lifecycle.RetiringPartitions);
        Assert.False(lifecycle.RetireDue(At(60)));
        Assert.Equal(3, lifecycle.StartRebuild(At(60)));
    }

    [Fact]
    public void GivenAStateStoredMidRebuild_WhenALifecycleIsMadeOverItAgain_ThenItGoesOnWhereTheFirstLeftOff()
    {
        // A coordinator that moved to another silo comes back from its stored state.
        var state = Serving();
        new GenerationLifecycle(state, Handover).StartRebuild(At(0));
        new GenerationLifecycle(state, Handover).Read(10, reachedEnd: true, Head, Head, At(5));

        var resumed = new GenerationLifecycle(state, Handover);

        Assert.Equal(RebuildStep.HandoverDue, resumed.Read(0, reachedEnd: true, Head, Head, At(8)));
    }

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static CoordinatorState Serving(int generation = 1, params string[] partitions) =>
        new() { ActiveGeneration = generation, Checkpoint = Head, Partitions = new HashSet<string>(partitions, StringComparer.Ordinal) };

    private static GenerationLifecycle CaughtUpAt(double seconds)
    {
        var lifecycle = new GenerationLifecycle(Serving(), Handover);
        lifecycle.StartRebuild(At(0));
        lifecycle.Read(100, reachedEnd: true, Head, Head, At(seconds));
        return lifecycle;
    }

    private static GenerationLifecycle TakenOver(double at = 8)
    {
        var lifecycle = CaughtUpAt(5);
        lifecycle.TakeOver(Head, At(at));
        return lifecycle;
    }
}
