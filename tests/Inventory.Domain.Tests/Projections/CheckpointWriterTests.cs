using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inventory.Domain.Tests.Projections;

/// <summary>One checkpoint writer, paced two ways: a periodic checkpoint has its shards write one at a time, spaced,
/// within a budget per tick and over as many ticks as it takes; one on demand writes them all, several at a time. Either
/// stores the position it began at once every shard has written, and a shard that lost events sends its generation back
/// to the stored checkpoint.</summary>
public sealed class CheckpointWriterTests
{
    private static readonly LogPosition First = new(TransactionId: 20, Position: 200);
    private static readonly LogPosition Second = new(TransactionId: 30, Position: 300);

    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingShards _shards = new();
    private readonly ProjectionOptions _options = new()
    {
        CatchUpInterval = TimeSpan.FromMilliseconds(500),
        CheckpointInterval = TimeSpan.FromSeconds(5),
        CheckpointWriteSpacing = TimeSpan.FromMilliseconds(20),
        CheckpointFlushConcurrency = 8,
    };

    [Fact]
    public async Task GivenACheckpointNotDueYet_WhenATickRuns_ThenNothingIsWrittenOrStored()
    {
        var writer = Writer();
        var cursor = await DeliveredAsync(First, "wh-1");
        _time.Advance(TimeSpan.FromSeconds(4.9));

        Assert.False(await writer.TickAsync([cursor]));
        Assert.Empty(_shards.Writes);
        Assert.False(cursor.Checkpointing);
    }

    [Fact]
    public async Task GivenAPeriodicCheckpointDue_WhenATickRuns_ThenItsShardsWriteOneAtATimeSpacedApartAndItIsStored()
    {
        var writer = Writer();
        var cursor = await DeliveredAsync(First, "wh-1", "wh-2", "wh-3");
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await writer.TickAsync([cursor]));

        Assert.Equal(["wh-1", "wh-2", "wh-3"], _shards.Writes.Order(StringComparer.Ordinal));
        Assert.Equal(1, _shards.MostWritesInFlight);
        Assert.Equal([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)], _time.Waits);
        Assert.Equal(First, cursor.Stored);
    }

    [Fact]
    public async Task GivenMoreShardsThanATicksBudget_WhenTicksRun_ThenEachWritesWhatFitsAndThePositionItBeganAtIsStoredOnceAllHave()
    {
        var writer = Writer();
        var cursor = await DeliveredAsync(First, "wh-1", "wh-2", "wh-3", "wh-4", "wh-5");
        _shards.OnWrite = () => _time.Advance(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await writer.TickAsync([cursor]));
        Assert.Equal(3, _shards.Writes.Count);
        Assert.True(cursor.Checkpointing);
        Assert.Equal(LogPosition.Start, cursor.Stored);

        // Deliveries go on between ticks; the checkpoint in progress is not extended to them.
        cursor.Delivered("wh-6", (await _shards.ApplyAsync(1, "wh-6", [])).Activation);
        cursor.Advance(Second);
        Assert.True(await writer.TickAsync([cursor]));

        Assert.Equal(5, _shards.Writes.Count);
        Assert.Equal(First, cursor.Stored);
        Assert.Equal(["wh-6"], cursor.Unflushed.Keys);
    }

    [Fact]
    public async Task GivenACheckpointOnDemand_WhenWritten_ThenEveryShardWritesWithoutWaitingAndEverythingDeliveredIsStored()
    {
        var writer = Writer();
        var cursor = await DeliveredAsync(Second, Partitions(20));

        await writer.NowAsync([cursor]);

        Assert.Equal(Partitions(20), _shards.Writes.Order(StringComparer.Ordinal));
        Assert.InRange(_shards.MostWritesInFlight, 1, 8);
        Assert.Empty(_time.Waits);
        Assert.Equal(Second, cursor.Stored);
    }

    [Fact]
    public async Task GivenAPacingOfEightAtATimeSpacedApart_WhenTwentyShardsWrite_ThenTheyWriteInThreeChunksWithAWaitBetweenEach()
    {
        var writer = Writer();
        var cursor = await DeliveredAsync(Second, Partitions(20));
        cursor.BeginCheckpoint();

        await writer.WriteAsync([cursor], new CheckpointPacing(Concurrency: 8, Spacing: TimeSpan.FromMilliseconds(7), Budget: null));

        Assert.Equal(20, _shards.Writes.Count);
        Assert.InRange(_shards.MostWritesInFlight, 1, 8);
        Assert.Equal([TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(7)], _time.Waits);
        Assert.Equal(Second, cursor.Stored);
    }

    [Fact]
    public async Task GivenAShardThatLostItsUnwrittenEvents_WhenACheckpointWritesIt_ThenTheGenerationGoesBackToItsStoredCheckpoint()
    {
        var writer = Writer();
        var cursor = await DeliveredAsync(First, "wh-1", "wh-2");
        _shards.Reactivate(1, "wh-1");

        await writer.NowAsync([cursor]);

        Assert.Equal(LogPosition.Start, cursor.Stored);
        Assert.Equal(LogPosition.Start, cursor.Position);
        Assert.False(cursor.Checkpointing);
        Assert.Empty(cursor.Unflushed);
    }

    [Fact]
    public async Task GivenTwoGenerations_WhenOneLostEvents_ThenOnlyThatOneGoesBack()
    {
        var writer = Writer();
        var active = await DeliveredAsync(First, "wh-1");
        var rebuild = await DeliveredAsync(Second, generation: 2, "wh-1");
        _shards.Reactivate(2, "wh-1");

        await writer.NowAsync([active, rebuild]);

        Assert.Equal(First, active.Stored);
        Assert.Equal(LogPosition.Start, rebuild.Position);
        Assert.Equal(["wh-1"], _shards.Writes);
    }

    private static string[] Partitions(int count) => Enumerable.Range(0, count).Select(i => $"wh-{i:D2}").ToArray();

    private CheckpointWriter Writer() => new(_shards, _options, _time, "warehouses", NullLogger.Instance);

    private Task<GenerationCursor> DeliveredAsync(LogPosition readTo, params string[] partitions) => DeliveredAsync(readTo, 1, partitions);

    /// <summary>A cursor whose <paramref name="partitions"/> took events up to <paramref name="readTo"/>.</summary>
    private async Task<GenerationCursor> DeliveredAsync(LogPosition readTo, int generation, params string[] partitions)
    {
        var cursor = new GenerationCursor(generation, LogPosition.Start);
        foreach (var partition in partitions)
        {
            cursor.Delivered(partition, (await _shards.ApplyAsync(generation, partition, [])).Activation);
        }

        cursor.Advance(readTo);
        return cursor;
    }
}
