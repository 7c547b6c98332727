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
/// live path already brought. A run's first page is <paramref name="pageSize"/> events; when it is full, the log has a
/// backlog and the run goes on in pages of <paramref name="backlogPageSize"/> (fewer queries and shard calls per event).
/// Pages come through the silo's <see cref="LogPageReader"/>, shared with the other projections.
/// </summary>
public sealed partial class CatchUp(LogPageReader log, IProjectionShards shards, ProjectionDefinition definition, int pageSize, int backlogPageSize, ILogger logger)
{
    /// <summary>Reads and delivers up to <paramref name="maxPages"/> pages, adding the partitions that took events to
    /// <paramref name="partitions"/>. A page is read and sent to its shards while the previous one is still being
    /// applied (a shard takes its calls in order); the cursor passes a page once its shards have all taken it. Throws
    /// when the log or a shard fails: the cursor is then at the end of the last page delivered.</summary>
    public async Task<CatchUpResult> RunAsync(GenerationCursor cursor, ISet<string> partitions, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        long delivered = 0;
        var newPartitions = false;
        var reachedEnd = false;
        var size = pageSize;
        var after = cursor.Position;
        var sent = new Queue<(Task<bool> Delivery, LogPosition End)>();
        async Task PassAsync((Task<bool> Delivery, LogPosition End) page)
        {
            newPartitions |= await page.Delivery;
            cursor.Advance(page.End);
        }

        try
        {
            for (var pages = 0; pages < maxPages; pages++, size = Math.Max(pageSize, backlogPageSize))
            {
                // Near the log's end, most events are what the live path delivered: their positions are read, not they.
                var page = pages == 0 && cursor.LiveDeliveredCount > 0
                    ? await log.ReadPastAsync(after, size, cursor.PassLiveDelivered)
                    : await log.ReadAsync(after, size);
                if (page.Read > 0)
                {
                    // Only the streams the projection follows (stock items), not the process managers' own logs.
                    var followed = page.Events.Where(e => definition.Follows(e.Envelope.StreamId)).ToList();
                    sent.Enqueue((followed.Count > 0 ? DeliverAsync(cursor, partitions, followed) : Task.FromResult(false), page.End));
                    after = page.End;
                    delivered += followed.Count + (page.Read - page.Events.Count);
                    while (sent.Count > 1)
                    {
                        await PassAsync(sent.Peek()); // a failed one stays for the catch below
                        sent.Dequeue();
                    }
                }

                if (page.Read < size)
                {
                    reachedEnd = true;
                    break;
                }
            }
        }
        catch
        {
            // Whatever was sent before the failure is passed as far as it was delivered, in order.
            var failed = false;
            while (sent.TryDequeue(out var page))
            {
                try
                {
                    if (failed)
                    {
                        await page.Delivery;
                    }
                    else
                    {
                        await PassAsync(page);
                    }
                }
#pragma warning disable CA1031 // The first failure is what the caller gets; the others are only observed.
                catch (Exception)
#pragma warning restore CA1031
                {
                    failed = true;
                }
            }

            throw;
        }

        while (sent.TryPeek(out var page))
        {
            await PassAsync(page);
            sent.Dequeue();
        }

        return new CatchUpResult(delivered, reachedEnd, newPartitions);
    }

    /// <summary>Delivers one page, one call per shard; true when a partition was new to <paramref name="partitions"/>.</summary>
    private async Task<bool> DeliverAsync(GenerationCursor cursor, ISet<string> partitions, List<ProjectedEvent> events)
    {
        var groups = events.GroupBy(e => definition.PartitionOf(e.Envelope), StringComparer.Ordinal).ToList();
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
            LogDelivered(logger, definition.Name, cursor.Generation, events.Count, groups.Count, events[0].Envelope.Position, events[^1].Envelope.Position, events[^1].Envelope.EventId);
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} generation {Generation} caught up {Count} events into {Shards} shards: positions {From}..{To}, last event {EventId}")]
    private static partial void LogDelivered(ILogger logger, string projection, int generation, int count, int shards, long from, long to, Guid eventId);
}
