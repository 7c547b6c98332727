using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;

namespace Inventory.Projections;

/// <summary>
/// Catches one generation of a projection up from the event store's global log, so that every committed event reaches
/// its views whether or not its live stream message arrived. Reads pages after the generation's
/// <see cref="GenerationCursor.Position"/> in the log's gap-safe order (<see cref="IEventLog.ReadAllAsync"/>: nothing
/// can later appear behind a page's end) and delivers each page to the shards of its partitions, which skip what the
/// live path already brought.
/// </summary>
public sealed partial class CatchUp(IEventLog log, IProjectionShards shards, ProjectionDefinition definition, int pageSize, ILogger logger)
{
    /// <summary>Reads and delivers up to <paramref name="maxPages"/> pages, adding the partitions that took events to
    /// <paramref name="partitions"/>. Throws when the log or a shard fails: the cursor is then at the end of the last
    /// page delivered.</summary>
    public async Task<CatchUpResult> RunAsync(GenerationCursor cursor, ISet<string> partitions, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        long delivered = 0;
        var newPartitions = false;
        for (var pages = 0; pages < maxPages; pages++)
        {
            var page = await log.ReadAllAsync(cursor.Position, pageSize);
            if (page.Events.Count > 0)
            {
                // Only the streams the projection follows (stock items), not the process managers' own logs.
                var followed = page.Events.Where(e => definition.Follows(e.StreamId)).Select(e => e.ToEnvelope()).ToList();
                if (followed.Count > 0)
                {
                    newPartitions |= await DeliverAsync(cursor, partitions, followed);
                }

                cursor.Advance(page.End);
                delivered += followed.Count;
            }

            if (page.Events.Count < pageSize)
            {
                return new CatchUpResult(delivered, ReachedEnd: true, newPartitions);
            }
        }

        return new CatchUpResult(delivered, ReachedEnd: false, newPartitions);
    }

    /// <summary>Delivers one page, one call per shard; true when a partition was new to <paramref name="partitions"/>.</summary>
    private async Task<bool> DeliverAsync(GenerationCursor cursor, ISet<string> partitions, List<EventEnvelope> events)
    {
        var groups = events.GroupBy(definition.PartitionOf, StringComparer.Ordinal).ToList();
        var acks = await Task.WhenAll(groups.Select(async g =>
            (Partition: g.Key, Ack: await shards.ApplyAsync(cursor.Generation, g.Key, g.ToList()))));
        var added = false;
        foreach (var (partition, ack) in acks)
        {
            cursor.Delivered(partition, ack.Activation);
            added |= partitions.Add(partition);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogDelivered(logger, definition.Name, cursor.Generation, events.Count, groups.Count, events[0].Position, events[^1].Position, events[^1].EventId);
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} generation {Generation} caught up {Count} events into {Shards} shards: positions {From}..{To}, last event {EventId}")]
    private static partial void LogDelivered(ILogger logger, string projection, int generation, int count, int shards, long from, long to, Guid eventId);
}
