using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// The global log as the projections' catch-up reads it: one reader per silo, shared by every coordinator in it. When
/// several read the same part of the log (a rebuild of every projection, or catching up after downtime), each page is
/// read from the store and wrapped (<see cref="ProjectedEvent"/>) once, so its events are also deserialized once. A
/// full page is kept for the others (<see cref="KeptPages"/> at most) and the next one is read ahead while it is being
/// applied. That is safe because the log is gap-safe (<see cref="IEventLog.ReadAllAsync"/>): the first n events after a
/// position never change once read. A page short of full is the log's end for now: neither kept nor read ahead.
/// </summary>
public sealed class LogPageReader(IEventLog log)
{
    /// <summary>Full pages kept (and read ahead) at most: enough for the projections of a silo to drift a few rounds of
    /// catch-up apart (the one with fewer shards runs ahead). A page is also let go once it has been kept <see cref="KeptFor"/>.</summary>
    public const int KeptPages = 24;

    /// <summary>How long a full page is kept at most (memory is only let go when a read comes; catch-up reads every tick).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<(LogPosition After, int Count), Task<ProjectedPage>> _pages = [];
    private readonly Queue<((LogPosition After, int Count) Key, long At)> _kept = new();

    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="after"/>, as <see cref="IEventLog.ReadAllAsync"/>.</summary>
    public async Task<ProjectedPage> ReadAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        var key = (after, maxCount);
        Task<ProjectedPage> reading;
        lock (_lock)
        {
            reading = Start(key);
        }

        ProjectedPage page;
        try
        {
            page = await reading.WaitAsync(cancellationToken);
        }
        catch
        {
            Forget(key, reading);
            throw;
        }

        if (page.Read < maxCount)
        {
            Forget(key, reading);
            return page;
        }

        lock (_lock)
        {
            _ = Start((page.End, maxCount));
        }

        return page;
    }

    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="after"/> as <see cref="ReadAsync"/>, less
    /// the ones <paramref name="delivered"/> says the reader has (the live path brought them): their positions are read,
    /// but not the events (<see cref="IEventLog.ReadPositionsAsync"/>). Neither shared nor kept.</summary>
    public async Task<ProjectedPage> ReadPastAsync(LogPosition after, int maxCount, Func<long, bool> delivered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var positions = await log.ReadPositionsAsync(after, maxCount, cancellationToken);
        var missing = positions.Select(p => p.Position).Where(p => !delivered(p)).ToList();
        var stored = missing.Count > 0 ? await log.ReadAtAsync(missing, cancellationToken) : [];
        if (stored.Count != missing.Count)
        {
            throw new InvalidOperationException($"The global log has {positions.Count} events after {after} but {stored.Count} of the {missing.Count} to read were found.");
        }

        return new ProjectedPage([.. stored.Select(e => ProjectedEvent.Of(e.ToEnvelope()))], positions.Count, positions.Count > 0 ? positions[^1] : after);
    }

    /// <summary>The page being read or kept, or a read started now (on the thread pool: it belongs to no grain).</summary>
    private Task<ProjectedPage> Start((LogPosition After, int Count) key)
    {
        if (_pages.TryGetValue(key, out var known))
        {
            return known;
        }

        var now = Environment.TickCount64;
        while (_kept.TryPeek(out var oldest) && (_kept.Count >= KeptPages || now - oldest.At > KeptFor.TotalMilliseconds))
        {
            _kept.Dequeue();
            _pages.Remove(oldest.Key);
        }

        var reading = Task.Run(() => ReadPageAsync(key.After, key.Count));
        _pages[key] = reading;
        _kept.Enqueue((key, now));

        return reading;
    }

    private void Forget((LogPosition After, int Count) key, Task<ProjectedPage> reading)
    {
        lock (_lock)
        {
            if (_pages.TryGetValue(key, out var known) && known == reading)
            {
                _pages.Remove(key);
            }
        }
    }

    private async Task<ProjectedPage> ReadPageAsync(LogPosition after, int maxCount)
    {
        var page = await log.ReadAllAsync(after, maxCount);
        var events = new ProjectedEvent[page.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = ProjectedEvent.Of(page.Events[i].ToEnvelope());
        }

        return new ProjectedPage(events, events.Length, page.End);
    }
}
