using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>Read-side settings (section <c>Inventory:Projections</c>).</summary>
public sealed class ProjectionOptions
{
    public const string Section = "Inventory:Projections";

    /// <summary>How often each projection reads the global log for what the live stream did not bring. Each read
    /// delivers to every shard with events in it (duplicates of the live path, mostly): shorter costs more calls;
    /// with the live stream off it is the views' freshness.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a coordinator flushes its shards and then stores its checkpoint: each flush writes every shard
    /// that took events since the last one (a grain storage write each), and a restarted coordinator delivers again
    /// what came after its stored checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many shards write their state at once when a checkpoint is made on demand (before a handover or
    /// a deactivation, or when asked to catch up now).</summary>
    public int CheckpointFlushConcurrency { get; set; } = 8;

    /// <summary>The periodic checkpoint has its shards write their state one at a time, this far apart, over as many
    /// ticks as it takes (using at most half of each): each write serializes a shard's whole view and commits it, and
    /// all of them in one burst took both cores from the stock items' appends for its length.</summary>
    public TimeSpan CheckpointWriteSpacing { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A shard writes its state itself when events it applied have waited this long unwritten (checked at
    /// this period, so within twice this): events no checkpoint has had written, such as live ones before catch-up.</summary>
    public TimeSpan ShardFlushInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int PageSize { get; set; } = 1000;

    /// <summary>Whether catch-up of a generation that gets live events reads the log's entries first (stream, version and
    /// position of each event, no payload) and only the events its shards lack, rather than every event whole. The live
    /// path has usually delivered them all, so the database then sends the payloads once, not once more per projection.
    /// Off, or with <see cref="LiveStream"/> <c>None</c>, or for a rebuild still reading the log, each page is read whole
    /// (nothing was delivered live: one read instead of two).</summary>
    public bool CatchUpReadsEntriesFirst { get; set; } = true;

    /// <summary>Pages a live generation reads per tick at most; a rebuilding generation reads <see cref="RebuildPagesPerTick"/>.</summary>
    public int PagesPerTick { get; set; } = 10;

    public int RebuildPagesPerTick { get; set; } = 20;

    /// <summary>Whether a rebuild builds its shards in memory from one read of the log, which each shard then adopts
    /// and writes once (<see cref="GenerationImage"/>), rather than through catch-up pages. Holds the whole new generation
    /// in the coordinator's silo until its shards adopt it; a coordinator that moves starts the read again.</summary>
    public bool RebuildInMemory { get; set; } = true;

    /// <summary>Events per read of the log when a rebuild builds in memory; the next page is read while one is applied.
    /// Small enough that the pages in flight (a few) die young: with 10,000 they outlived collections and were
    /// promoted, and the silo spent twice as long paused for the garbage collector (measured on a million events:
    /// 0.4-0.5 s paused with 2,000, 0.7-0.8 s with 10,000; 1,000 adds round trips).</summary>
    public int RebuildPageSize { get; set; } = 2_000;

    /// <summary>Rebuilds that start this close together in a silo share one read of the log (<see cref="RebuildScans"/>);
    /// the first of them waits this long for the others. Rebuilds asked together (the admin's rebuild of every
    /// projection, the first builds a keeper's poke starts) arrive within milliseconds; one that misses the window is
    /// built by a read of its own.</summary>
    public TimeSpan RebuildJoinWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Tries of a failing event before it is parked as a dead letter.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait after the first failed try; ×4 after each further one.</summary>
    public TimeSpan FirstRetryBackoff { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A projection behind the store whose checkpoint has not moved for this long is reported stalled.</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Behind by less than this (in event age), a projection is reported live.</summary>
    public TimeSpan LiveLag { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every silo makes sure every projection's coordinator runs.</summary>
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the live path and the read facade cache which generations to use.</summary>
    public TimeSpan GenerationCacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A new generation gets live events this long before it takes over reads; the old one keeps getting
    /// them (and serving stale caches) this long after.</summary>
    public TimeSpan Handover { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Whether stock items publish their events on the live stream (<c>Memory</c>) or projections rely on
    /// catch-up alone (<c>None</c>).</summary>
    public string LiveStream { get; set; } = "Memory";

    /// <summary>How often the live stream's queues are read (Orleans' default, 100 ms, would add 50 ms to freshness
    /// on average; each read of an empty queue costs a little CPU).</summary>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>At most this many appends' live events reach a warehouse's router in one delivery (what queued up
    /// since the last one): each shard then gets one call per delivery instead of one per append.</summary>
    public int LiveDeliveryBatchSize { get; set; } = 64;

    /// <summary>How long the live stream's cache keeps delivered events. Nothing reads them again (the projections
    /// catch up from the event store, never from the stream), so this only bounds memory: Orleans' default keeps
    /// 30 minutes of them, in 1 MB blocks that its pool keeps. A router further behind than this loses the older
    /// events to the catch-up.</summary>
    public TimeSpan LiveCacheAge { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsValid =>
        CatchUpInterval > TimeSpan.Zero && CheckpointInterval > TimeSpan.Zero && ShardFlushInterval > TimeSpan.Zero
        && PageSize is >= 1 and <= 100_000 && RebuildPageSize is >= 1 and <= 100_000 && RebuildJoinWindow >= TimeSpan.Zero && PagesPerTick >= 1 && RebuildPagesPerTick >= 1
        && MaxAttempts >= 1 && FirstRetryBackoff >= TimeSpan.Zero && StallAfter > TimeSpan.Zero && LiveLag >= TimeSpan.Zero
        && KeeperInterval > TimeSpan.Zero && GenerationCacheTtl >= TimeSpan.Zero && Handover >= TimeSpan.Zero
        && LiveStream is "Memory" or "None" && LivePollInterval > TimeSpan.Zero
        && CheckpointFlushConcurrency is >= 1 and <= 64 && CheckpointWriteSpacing >= TimeSpan.Zero && LiveDeliveryBatchSize is >= 1 and <= 10_000 && LiveCacheAge > TimeSpan.Zero;

    /// <summary>Whether catch-up of a generation that gets live events goes by the log's entries: asked for, and there
    /// is a live path to have delivered the events.</summary>
    public bool CatchUpByEntries => CatchUpReadsEntriesFirst && LiveStream == "Memory";

    public ShardRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryBackoff);
}
