using System.Threading.Channels;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// One read of the global log from its start to its gap-safe end, feeding the <see cref="GenerationImage"/> of every
/// projection being rebuilt: each event is read, mapped and deserialized once, however many projections take it. Three
/// stages overlap, each on its own thread, with up to two pages queued between them: reading pages (mostly
/// PostgreSQL's time), mapping and deserializing their events, and applying them (each projection on its own thread).
/// </summary>
public sealed class LogScan(IEventLog log, int pageSize)
{
    private const int PagesQueued = 2;

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

                var applied = await Task.WhenAll(fed.Select(image => Task.Run(() => image.ApplyAsync(page.Events, page.End)))).ConfigureAwait(false);
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
            var after = LogPosition.Start;
            while (true)
            {
                var page = await log.ReadAllAsync(after, pageSize, cancellationToken).ConfigureAwait(false);
                await pages.WriteAsync(page, cancellationToken).ConfigureAwait(false);
                if (page.Events.Count < pageSize)
                {
                    break;
                }

                after = page.End;
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
    private static async Task MapAsync(ChannelReader<LogPage> pages, ChannelWriter<ScannedPage> scanned, GenerationImage[] followers, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in pages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var events = new List<ScannedEvent>(page.Events.Count);
                foreach (var stored in page.Events)
                {
                    if (Array.Exists(followers, image => image.Follows(stored.StreamId)))
                    {
                        events.Add(ScannedEvent.Of(stored.ToEnvelope()));
                    }
                }

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
