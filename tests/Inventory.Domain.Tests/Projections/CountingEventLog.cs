using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A global log that counts what is read from it: pages of events, pages of positions, and events read by position.</summary>
internal sealed class CountingEventLog(IEventLog inner) : IEventLog
{
    public int PageReads { get; private set; }

    public int PositionReads { get; private set; }

    /// <summary>Events whose payload was read: in pages and by position.</summary>
    public int EventsRead { get; private set; }

    public async Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        var page = await inner.ReadAllAsync(after, maxCount, cancellationToken);
        PageReads++;
        EventsRead += page.Events.Count;
        return page;
    }

    public async Task<IReadOnlyList<LogPosition>> ReadPositionsAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        PositionReads++;
        return [.. (await inner.ReadAllAsync(after, maxCount, cancellationToken)).Events.Select(e => e.LogPosition)];
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAtAsync(IReadOnlyCollection<long> positions, CancellationToken cancellationToken = default)
    {
        var events = await inner.ReadAtAsync(positions, cancellationToken);
        EventsRead += events.Count;
        return events;
    }

    public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default) =>
        inner.ReadHeadAsync(after, pendingCap, cancellationToken);

    public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default) => inner.ReadAtAsync(position, cancellationToken);
}
