using System.Diagnostics;
using System.Threading.Channels;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// One read of the global log from its start to its gap-safe end, feeding the <see cref="GenerationImage"/> of every
/// projection being rebuilt: each event is read, mapped and deserialized once, however many projections take it. Three
/// stages overlap, each on its own thread, with up to two pages (or chunks of pages) queued between them: reading pages (mostly
/// PostgreSQL's time), mapping and deserializing their events, and applying them (each projection on its own thread).
/// </summary>
public sealed class LogScan(IEventLog log, int pageSize, int chunkSize = LogScan.ChunkSize)
{
    private const int PagesQueued = 2;

    /// <summary>The most events handed on at once by default: a chunk's array (16 bytes an event) stays below the large
    /// object heap's threshold, whose every allocation counts towards a full collection.</summary>
    public const int ChunkSize = 4096;

    private long _events;
    private long _pages;
    private long _reading;
    private long _mapping;
    private long _applying;

    /// <summary>Where the scan spent its time so far: events and pages read, and each stage's busy time (the stages
    /// overlap, so a stage close to <see cref="LogScanFigures.Elapsed"/> is the one that set the pace).</summary>
    public LogScanFigures Figures(TimeSpan elapsed) => new(
        Interlocked.Read(ref _events), Interlocked.Read(ref _pages), elapsed,
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _reading)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _mapping)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _applying)));

    /// <summary>Feeds <paramref name="images"/> to the end of the log and completes them; an image whose rebuild was
    /// cancelled or whose shards failed is dropped on the way, and a failed read fails every image still fed.</summary>
    public async Task RunAsync(IReadOnlyList<GenerationImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var fed = images.ToList();
        var followers = images.ToArray();
        var read = Channel.CreateBounded<LogPage>(new BoundedChannelOptions(PagesQueued) { SingleReader = true, SingleWriter = true });
        var mapped = Channel.CreateBounded<ScannedPage>(new BoundedChannelOptions(PagesQueued) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() => ReadAsync(read.Writer, stop.Token));
        var mapping = Task.Run(() => MapAsync(read.Reader, mapped.Writer, followers, stop.Token));
        try
        {
            await foreach (var page in mapped.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                fed.RemoveAll(Cancelled);
                if (fed.Count == 0)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                var applied = await Task.WhenAll(fed.Select(image => Task.Run(() => image.ApplyAsync(page.Events, page.End)))).ConfigureAwait(false);
                Interlocked.Add(ref _applying, Stopwatch.GetTimestamp() - started);
                fed = fed.Where((_, i) => applied[i]).ToList();
                if (fed.Count == 0)
                {
                    return;
                }
            }

            foreach (var image in fed)
            {
                image.Complete();
            }
        }
#pragma warning disable CA1031 // The error goes to every rebuild the scan fed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var image in fed)
            {
                image.Fail(ex);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(reading, mapping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static bool Cancelled(GenerationImage image)
    {
        if (!image.Cancellation.IsCancellationRequested)
        {
            return false;
        }

        image.Fail(new OperationCanceledException(image.Cancellation));
        return true;
    }

    /// <summary>Reads the log's pages in order up to its gap-safe end (the first page that is not full).</summary>
    private async Task ReadAsync(ChannelWriter<LogPage> pages, CancellationToken cancellationToken)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            await foreach (var page in log.ScanAsync(LogPosition.Start, pageSize, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Add(ref _reading, Stopwatch.GetTimestamp() - started);
                Interlocked.Add(ref _events, page.Events.Count);
                Interlocked.Increment(ref _pages);
                await pages.WriteAsync(page, cancellationToken).ConfigureAwait(false);
                started = Stopwatch.GetTimestamp();
            }

            pages.Complete();
        }
#pragma warning disable CA1031 // Handed on through the channel, to the loop that applies the pages.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            pages.Complete(ex);
        }
    }

    /// <summary>Maps and deserializes the events of each page that some image takes.</summary>
    private async Task MapAsync(ChannelReader<LogPage> pages, ChannelWriter<ScannedPage> scanned, GenerationImage[] followers, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in pages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var started = Stopwatch.GetTimestamp();
                var events = new List<ScannedEvent>(Math.Min(page.Events.Count, chunkSize));
                foreach (var stored in page.Events)
                {
                    if (Array.Exists(followers, image => image.Follows(stored.StreamId)))
                    {
                        events.Add(ScannedEvent.Of(stored.ToEnvelope()));
                    }

                    if (events.Count == chunkSize)
                    {
                        Interlocked.Add(ref _mapping, Stopwatch.GetTimestamp() - started);
                        await scanned.WriteAsync(new ScannedPage(events, stored.LogPosition), cancellationToken).ConfigureAwait(false);
                        started = Stopwatch.GetTimestamp();
                        events = new List<ScannedEvent>(chunkSize);
                    }
                }

                Interlocked.Add(ref _mapping, Stopwatch.GetTimestamp() - started);
                await scanned.WriteAsync(new ScannedPage(events, page.End), cancellationToken).ConfigureAwait(false);
            }

            scanned.Complete();
        }
#pragma warning disable CA1031 // Handed on through the channel, to the loop that applies the pages.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            scanned.Complete(ex);
        }
    }

    private sealed record ScannedPage(IReadOnlyList<ScannedEvent> Events, LogPosition End);
}
