using System.Collections.Concurrent;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Grains.Tests.Projections;

/// <summary>The in-memory store's global log, whose catch-up reads a test can make fail (to stall the projections), and
/// which notes the stream of every event it gives with its payload.</summary>
public sealed class ControllableEventLog(IEventLog inner) : IEventLog
{
    public bool ReadsFail { get; set; }

    /// <summary>The stream of every event read whole from the log (<see cref="ReadAllAsync"/>, <see cref="ReadEventsAsync"/>).</summary>
    public ConcurrentQueue<string> PayloadsRead { get; } = new();

    public async Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        ThrowIfReadsFail();
        var page = await inner.ReadAllAsync(after, maxCount, cancellationToken);
        Note(page.Events);
        return page;
    }

    public Task<LogEntryPage> ReadEntriesAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        ThrowIfReadsFail();
        return inner.ReadEntriesAsync(after, maxCount, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken = default)
    {
        ThrowIfReadsFail();
        var events = await inner.ReadEventsAsync(positions, cancellationToken);
        Note(events);
        return events;
    }

    public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default) =>
        inner.ReadHeadAsync(after, pendingCap, cancellationToken);

    public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default) =>
        inner.ReadAtAsync(position, cancellationToken);

    private void ThrowIfReadsFail()
    {
        if (ReadsFail)
        {
            throw new IOException("Injected: the global log cannot be read.");
        }
    }

    private void Note(IEnumerable<StoredEvent> events)
    {
        foreach (var e in events)
        {
            PayloadsRead.Enqueue(e.StreamId);
        }
    }
}
