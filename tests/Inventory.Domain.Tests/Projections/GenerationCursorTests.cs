using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A checkpoint spread over several ticks stores only what every shard that took it has written, while
/// deliveries go on; a shard that lost events sends the generation back to the stored checkpoint.</summary>
public sealed class GenerationCursorTests
{
    private static readonly LogPosition Start = new(TransactionId: 10, Position: 100);
    private static readonly LogPosition First = new(TransactionId: 20, Position: 200);
    private static readonly LogPosition Second = new(TransactionId: 30, Position: 300);
    private static readonly Guid ActivationA = Guid.Parse("0f9d2c5e-1111-4a6b-9c1e-000000000001");
    private static readonly Guid ActivationB = Guid.Parse("0f9d2c5e-1111-4a6b-9c1e-000000000002");

    [Fact]
    public void GivenACheckpointBegun_WhenOnlySomeOfItsShardsHaveWritten_ThenNothingIsStoredYet()
    {
        var cursor = CursorWithDeliveries(First, "wh-1", "wh-2");

        cursor.BeginCheckpoint();
        cursor.Written("wh-1");

        Assert.False(cursor.TryComplete());
        Assert.Equal(Start, cursor.Stored);
        Assert.True(cursor.Checkpointing);
        Assert.Equal(["wh-2"], cursor.ToWrite.Keys);
    }

    [Fact]
    public void GivenACheckpointBegun_WhenEveryShardHasWritten_ThenItStoresThePositionItBeganAtNotWhatWasReadSince()
    {
        var cursor = CursorWithDeliveries(First, "wh-1", "wh-2");
        cursor.BeginCheckpoint();

        cursor.Written("wh-1");
        cursor.Delivered("wh-3", ActivationA);
        cursor.Advance(Second);
        cursor.Written("wh-2");

        Assert.True(cursor.TryComplete());
        Assert.Equal(First, cursor.Stored);
        Assert.Equal(Second, cursor.Position);
        Assert.False(cursor.Checkpointing);
        Assert.Equal(["wh-3"], cursor.Unflushed.Keys);
    }

    [Fact]
    public void GivenAShardWrittenForACheckpoint_WhenItTakesEventsAgain_ThenTheNextCheckpointWaitsForItAgain()
    {
        var cursor = CursorWithDeliveries(First, "wh-1");
        cursor.BeginCheckpoint();
        cursor.Written("wh-1");
        Assert.True(cursor.TryComplete());

        cursor.Delivered("wh-1", ActivationA);
        cursor.Advance(Second);
        cursor.BeginCheckpoint();

        Assert.Equal(["wh-1"], cursor.ToWrite.Keys);
        Assert.False(cursor.TryComplete());
        Assert.Equal(First, cursor.Stored);
    }

    [Fact]
    public void GivenACheckpointInProgress_WhenAShardItWaitsForAnswersFromAnotherActivation_ThenTheGenerationMustRewind()
    {
        // The shard's silo died before it wrote: what it took since the stored checkpoint may be lost.
        var cursor = CursorWithDeliveries(First, "wh-1");
        cursor.BeginCheckpoint();

        cursor.Delivered("wh-1", ActivationB);

        Assert.True(cursor.MustRewind);
    }

    [Fact]
    public void GivenACheckpointInProgress_WhenTheGenerationRewinds_ThenItReadsAgainFromTheStoredCheckpointAndTheCheckpointIsDropped()
    {
        var cursor = CursorWithDeliveries(First, "wh-1");
        cursor.BeginCheckpoint();

        cursor.Rewind();

        Assert.Equal(Start, cursor.Position);
        Assert.False(cursor.Checkpointing);
        Assert.False(cursor.MustRewind);
        Assert.Empty(cursor.ToWrite);
        Assert.Empty(cursor.Unflushed);
    }

    [Fact]
    public void GivenACheckpointInProgress_WhenOneIsBegunAgain_ThenItWaitsForTheShardsOfBothAndStoresTheLaterPosition()
    {
        // An on-demand checkpoint (before a handover, say) takes over the one a tick had begun.
        var cursor = CursorWithDeliveries(First, "wh-1", "wh-2");
        cursor.BeginCheckpoint();
        cursor.Written("wh-1");
        cursor.Delivered("wh-3", ActivationA);
        cursor.Advance(Second);

        cursor.BeginCheckpoint();

        Assert.Equal(["wh-2", "wh-3"], cursor.ToWrite.Keys.Order(StringComparer.Ordinal));
        cursor.Written("wh-2");
        cursor.Written("wh-3");
        Assert.True(cursor.TryComplete());
        Assert.Equal(Second, cursor.Stored);
    }

    [Fact]
    public void GivenNoEventsSinceTheLastCheckpoint_WhenOneIsBegun_ThenItCompletesAtOnce()
    {
        var cursor = new GenerationCursor(1, Start);
        cursor.Advance(First);

        cursor.BeginCheckpoint();

        Assert.True(cursor.TryComplete());
        Assert.Equal(First, cursor.Stored);
    }

    private static GenerationCursor CursorWithDeliveries(LogPosition readTo, params string[] partitions)
    {
        var cursor = new GenerationCursor(1, Start);
        foreach (var partition in partitions)
        {
            cursor.Delivered(partition, ActivationA);
        }

        cursor.Advance(readTo);
        return cursor;
    }
}
