using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;

namespace Inventory.Projections;

/// <summary>
/// A coordinator's checkpoints. A checkpoint marks the position a generation has delivered up to
/// (<see cref="GenerationCursor.BeginCheckpoint"/>); its shards that took events before the mark write their state,
/// paced by a <see cref="CheckpointPacing"/>; once they all have, the mark is the generation's stored checkpoint. A
/// shard that answers from another activation may have lost what it had not written: its generation then goes back to
/// its stored checkpoint and delivers again (shards skip what they have).
/// </summary>
/// <remarks>Periodic checkpoints (<see cref="TickAsync"/>) are spread over as many catch-up ticks as they take, while
/// deliveries go on; checkpoints on demand (<see cref="NowAsync"/>) write all at once.</remarks>
public sealed partial class CheckpointWriter(IProjectionShards shards, ProjectionOptions options, TimeProvider time, string projection, ILogger logger)
{
    private DateTimeOffset _lastBegunAt = time.GetUtcNow();

    /// <summary>A catch-up tick's part: begins a checkpoint every <see cref="ProjectionOptions.CheckpointInterval"/>
    /// unless one is in progress, and writes it <see cref="CheckpointPacing.Spread"/>. False when none was due (there is
    /// nothing to store).</summary>
    public async Task<bool> TickAsync(IReadOnlyList<GenerationCursor> cursors)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        if (!cursors.Any(c => c.Checkpointing))
        {
            var now = time.GetUtcNow();
            if (now - _lastBegunAt < options.CheckpointInterval)
            {
                return false;
            }

            _lastBegunAt = now;
        }

        foreach (var cursor in cursors.Where(c => !c.Checkpointing))
        {
            cursor.BeginCheckpoint();
        }

        await WriteAsync(cursors, CheckpointPacing.Spread(options));
        return true;
    }

    /// <summary>A checkpoint of everything delivered so far (extending one in progress), written
    /// <see cref="CheckpointPacing.AllAtOnce"/>.</summary>
    public Task NowAsync(IReadOnlyList<GenerationCursor> cursors)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        _lastBegunAt = time.GetUtcNow();
        foreach (var cursor in cursors)
        {
            cursor.BeginCheckpoint();
        }

        return WriteAsync(cursors, CheckpointPacing.AllAtOnce(options));
    }

    /// <summary>Has the shards of each cursor's checkpoint in progress write their state as <paramref name="pacing"/>
    /// says, and stores the checkpoint of each generation whose shards all have; rewinds a generation a shard lost
    /// events of.</summary>
    public async Task WriteAsync(IReadOnlyList<GenerationCursor> cursors, CheckpointPacing pacing)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        ArgumentNullException.ThrowIfNull(pacing);
        DateTimeOffset? until = pacing.Budget is { } budget ? time.GetUtcNow() + budget : null;
        foreach (var cursor in cursors)
        {
            if (!cursor.MustRewind && await WriteShardsAsync(cursor, pacing, until))
            {
                cursor.TryComplete();
                continue;
            }

            LogRewound(logger, projection, cursor.Generation, cursor.Position, cursor.Stored);
            cursor.Rewind();
        }
    }

    /// <summary>Writes the shards the cursor's checkpoint waits for, a chunk at a time, until <paramref name="until"/>;
    /// false when one of them lost events.</summary>
    private async Task<bool> WriteShardsAsync(GenerationCursor cursor, CheckpointPacing pacing, DateTimeOffset? until)
    {
        foreach (var chunk in cursor.ToWrite.ToList().Chunk(pacing.Concurrency))
        {
            if (until is { } end && time.GetUtcNow() >= end)
            {
                break;
            }

            var written = await Task.WhenAll(chunk.Select(async s =>
                (Partition: s.Key, Ok: await shards.FlushAsync(cursor.Generation, s.Key, s.Value))));
            foreach (var (partition, ok) in written)
            {
                if (ok)
                {
                    cursor.Written(partition);
                }
            }

            if (written.Any(w => !w.Ok))
            {
                return false;
            }

            if (pacing.Spacing > TimeSpan.Zero && cursor.ToWrite.Count > 0)
            {
                await Task.Delay(pacing.Spacing, time);
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} generation {Generation}: a shard lost unwritten events (reactivated or failed to write); delivering again from {Stored} instead of {Position}")]
    private static partial void LogRewound(ILogger logger, string projection, int generation, LogPosition position, LogPosition stored);
}
