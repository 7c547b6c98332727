using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;

namespace Inventory.Projections;

/// <summary>
/// Catches one generation of a projection up from the event store's global log, so that every committed event reaches
/// its views whether or not its live stream message arrived. Reads pages after the generation's
/// <see cref="GenerationCursor.Position"/> in the log's gap-safe order (<see cref="IEventLog.ReadAllAsync"/>: nothing
/// can later appear behind a page's end) and hands each page to the shards of its partitions. A generation that gets
/// live events reads the log's entries only (<see cref="IEventLog.ReadEntriesAsync"/>), and each shard reads the few
/// events it lacks: the payloads the live path delivered are not read again. One that does not (a rebuild still
/// reading, or no live stream) reads the events whole, and the shards skip what they have; so does a generation whose
/// shards lacked most of the last full page's events (a backlog the live path did not bring, as after an outage), where
/// one read of a page costs less than a read of entries and one more per shard. A short page is the log's head, where
/// the live path may simply not have arrived yet: it does not count as a backlog.
/// </summary>
public sealed partial class CatchUp(IEventLog log, IProjectionShards shards, ProjectionDefinition definition, int pageSize, ILogger logger)
{
    /// <summary>Generations whose shards lacked most of a full page's events: read whole until they lack few.</summary>
    private readonly HashSet<int> _behindLive = [];

    /// <summary>Reads and delivers up to <paramref name="maxPages"/> pages, adding the partitions that took events to
    /// <paramref name="partitions"/>; by the log's entries when <paramref name="byEntries"/> (the generation gets live
    /// events). Throws when the log or a shard fails: the cursor is then at the end of the last page delivered.</summary>
    public async Task<CatchUpResult> RunAsync(GenerationCursor cursor, ISet<string> partitions, int maxPages, bool byEntries = false)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        long delivered = 0;
        long readWhole = 0;
        var newPartitions = false;
        for (var pages = 0; pages < maxPages; pages++)
        {
            var whole = !byEntries || _behindLive.Contains(cursor.Generation);
            var (read, end, followed) = whole
                ? await DeliverEventsAsync(cursor, partitions)
                : await DeliverEntriesAsync(cursor, partitions);
            newPartitions |= followed.NewPartitions;
            if (byEntries && followed.Count > 0)
            {
                NextPageBy(cursor.Generation, followed, fullPage: read == pageSize);
            }

            if (read > 0)
            {
                cursor.Advance(end);
                delivered += followed.Count;
                readWhole += whole ? followed.Count : 0;
            }

            if (read < pageSize)
            {
                return new CatchUpResult(delivered, ReachedEnd: true, newPartitions, readWhole);
            }
        }

        return new CatchUpResult(delivered, ReachedEnd: false, newPartitions, readWhole);
    }

    /// <summary>Reads the next pages whole once the shards lacked most of a full page's events, by entries again once
    /// they lack at most half of a page's.</summary>
    private void NextPageBy(int generation, Delivery page, bool fullPage)
    {
        var lacking = page.Applied * 2 > page.Count;
        if (lacking && fullPage ? _behindLive.Add(generation) : !lacking && _behindLive.Remove(generation))
        {
            LogModeChanged(logger, definition.Name, generation, lacking ? "whole events" : "entries", page.Applied, page.Count);
        }
    }

    /// <summary>Reads a page of events whole and delivers the followed ones.</summary>
    private async Task<(int Read, LogPosition End, Delivery Followed)> DeliverEventsAsync(GenerationCursor cursor, ISet<string> partitions)
    {
        var page = await log.ReadAllAsync(cursor.Position, pageSize);
        // Only the streams the projection follows (stock items), not the process managers' own logs.
        var followed = page.Events.Where(e => definition.Follows(e.StreamId)).Select(e => e.ToEnvelope()).ToList();
        var delivery = await DeliverAsync(cursor, partitions, followed, e => e.StreamId, shards.ApplyAsync);
        if (followed.Count > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            LogDelivered(logger, definition.Name, cursor.Generation, followed.Count, delivery.Shards, followed[0].Position, followed[^1].Position, followed[^1].EventId);
        }

        return (page.Events.Count, page.End, delivery);
    }

    /// <summary>Reads a page of the log's entries and hands the followed ones to their shards, which read what they lack.</summary>
    private async Task<(int Read, LogPosition End, Delivery Followed)> DeliverEntriesAsync(GenerationCursor cursor, ISet<string> partitions)
    {
        var page = await log.ReadEntriesAsync(cursor.Position, pageSize);
        var followed = page.Entries.Where(e => definition.Follows(e.StreamId)).ToList();
        var delivery = await DeliverAsync(cursor, partitions, followed, e => e.StreamId, shards.CatchUpAsync);
        if (followed.Count > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            LogEntriesDelivered(logger, definition.Name, cursor.Generation, followed.Count, delivery.Shards, delivery.Applied, followed[0].Position.Position, followed[^1].Position.Position);
        }

        return (page.Entries.Count, page.End, delivery);
    }

    /// <summary>One call per shard with its part of <paramref name="items"/>; notes each shard's activation in the cursor.</summary>
    private async Task<Delivery> DeliverAsync<T>(
        GenerationCursor cursor, ISet<string> partitions, List<T> items, Func<T, string> streamOf, Func<int, string, IReadOnlyList<T>, Task<ShardAck>> deliver)
    {
        if (items.Count == 0)
        {
            return new Delivery(0, 0, 0, false);
        }

        var groups = items.GroupBy(item => definition.PartitionOf(streamOf(item)), StringComparer.Ordinal).ToList();
        var acks = await Task.WhenAll(groups.Select(async g =>
            (Partition: g.Key, Ack: await deliver(cursor.Generation, g.Key, g.ToList()))));
        var added = false;
        var applied = 0;
        foreach (var (partition, ack) in acks)
        {
            cursor.Delivered(partition, ack.Activation);
            added |= partitions.Add(partition);
            applied += ack.Applied;
        }

        return new Delivery(items.Count, groups.Count, applied, added);
    }

    /// <summary>What a page's delivery did: followed events (or entries) delivered, shards called, events new to them,
    /// and whether a partition was new to the generation.</summary>
    private readonly record struct Delivery(int Count, int Shards, int Applied, bool NewPartitions);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} generation {Generation} caught up {Count} events into {Shards} shards: positions {From}..{To}, last event {EventId}")]
    private static partial void LogDelivered(ILogger logger, string projection, int generation, int count, int shards, long from, long to, Guid eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} generation {Generation}: catch-up now reads the log by {Mode} ({Applied} of the last page's {Count} events were new to the shards)")]
    private static partial void LogModeChanged(ILogger logger, string projection, int generation, string mode, int applied, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection} generation {Generation} caught up {Count} log entries in {Shards} shards, {Applied} of them new to the shards: positions {From}..{To}")]
    private static partial void LogEntriesDelivered(ILogger logger, string projection, int generation, int count, int shards, int applied, long from, long to);
}
