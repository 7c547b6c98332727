using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Inventory.Domain.Tests.Projections;

/// <summary>
/// A coordinator's state as grain storage holds it (Orleans' binary serializer), written by the build of commit 7d1d6ea,
/// before <see cref="CoordinatorState.RebuildAppliedWhenCaughtUp"/> (Id 13) existed, in the middle of a rebuild's
/// handover. A coordinator of this version reads it, and goes on with that rebuild.
/// </summary>
public sealed class StoredCoordinatorStateTests
{
    private const string StoredBefore13 =
        "IAANIegApowBgiXgITABMSzULh1TdHJpbmdDb21wYXJlcgADAQHgAQVBBXcxQAV3MuABESHoAHqMAfIj4CE4AwADAQHgAQPBF+AhgIDFP6lg" +
        "TN8IgQAAAAAAAAAA4AEigCGAgB+iq2BM3wiBAAAAAAAAAADgwQEhOAMAAwEB4ODBASGAALY6rGBM3wiBAAAAAAAAAADg4A==";

    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 30, 15, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(CoordinatorState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void GivenAStateStoredBeforeId13_WhenRead_ThenEveryStoredFieldIsThereAndTheNewOneIsEmpty()
    {
        var state = Serializer.Deserialize<CoordinatorState>(Convert.FromBase64String(StoredBefore13))!;

        Assert.Equal((3, new LogPosition(9_001, 1_200)), (state.ActiveGeneration, state.Checkpoint));
        Assert.Equal(["w1", "w2"], state.Partitions.Order(StringComparer.Ordinal));
        Assert.Equal((4, new LogPosition(8_990, 1_150)), (state.RebuildGeneration, state.RebuildCheckpoint));
        Assert.Equal(["w1"], state.RebuildPartitions);
        Assert.Equal((At, 4_100L, At.AddSeconds(4)), (state.RebuildStartedAt, state.RebuildApplied, state.ShadowingSince));
        Assert.Equal(((int?)null, (DateTimeOffset?)null), (state.RetiringGeneration, state.RetireAt));
        Assert.Empty(state.RetiringPartitions);
        Assert.Equal(At.AddSeconds(5), state.LastAppliedAt);
        Assert.Null(state.RebuildAppliedWhenCaughtUp);
    }

    [Fact]
    public void GivenAStateStoredBeforeId13MidHandover_WhenTheRebuildGoesOn_ThenItsRateEndsWhenItCaughtUpAndItTakesOver()
    {
        var state = Serializer.Deserialize<CoordinatorState>(Convert.FromBase64String(StoredBefore13))!;
        var lifecycle = new GenerationLifecycle(state, TimeSpan.FromSeconds(3));
        var head = new LogPosition(9_001, 1_200);

        Assert.Equal(1_025.0, lifecycle.Progress(head, At.AddMinutes(5))!.EventsPerSecond);
        Assert.Equal(RebuildStep.HandoverDue, lifecycle.Read(0, reachedEnd: true, head, head, At.AddMinutes(5)));
        Assert.Equal(3, lifecycle.TakeOver(head, At.AddMinutes(5)));
        Assert.Equal(4, lifecycle.Active);
    }

    [Fact]
    public void GivenAStateWithId13_WhenWrittenAndReadBack_ThenItIsKept()
    {
        var state = new CoordinatorState { RebuildGeneration = 2, RebuildAppliedWhenCaughtUp = 4_000 };

        var read = Serializer.Deserialize<CoordinatorState>(Serializer.SerializeToArray(state))!;

        Assert.Equal(4_000, read.RebuildAppliedWhenCaughtUp);
    }
}
