using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>
/// The global log: every stream's events in one order that readers can follow and resume (projections' catch-up).
/// Implemented by both event stores.
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Up to <paramref name="maxCount"/> events after <paramref name="after"/> in (transaction, position) order, gap-safe:
    /// only events of transactions older than every transaction still in flight, so that no event can later appear
    /// before the returned <see cref="LogPage.End"/>. The events come without their metadata but its principal
    /// (<see cref="StoredEvent.Metadata"/> is <see cref="StoredEvent.LogMetadata"/> of it: <c>{"principal": ...}</c>, or
    /// <see cref="StoredEvent.NoMetadata"/>): the log feeds projections, which show who moved stock and use none of the
    /// rest, and the rest is nearly half of an event's JSON. Reading the stream gives it all.
    /// </summary>
    Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The head of the log as seen from <paramref name="after"/>; <see cref="LogHead.Pending"/> counts committed
    /// events after it, at most <paramref name="pendingCap"/>.</summary>
    Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default);

    /// <summary>The event at a global position, or null when no committed event has it (yet, or ever: positions have gaps).</summary>
    Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default);

    /// <summary>Where the events of <see cref="ReadAllAsync"/>'s page are, without the events (same order, same gap
    /// safety): a reader that already has most of them (catch-up behind the live path) then reads only the others with
    /// <see cref="ReadAtAsync(IReadOnlyCollection{long}, CancellationToken)"/>. The default reads the page.</summary>
    async Task<IReadOnlyList<LogPosition>> ReadPositionsAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
        [.. (await ReadAllAsync(after, maxCount, cancellationToken)).Events.Select(e => e.LogPosition)];

    /// <summary>The committed events at <paramref name="positions"/>, in the log's order, without their metadata (as
    /// <see cref="ReadAllAsync"/>); positions no committed event has are left out. The default reads them one by one.</summary>
    async Task<IReadOnlyList<StoredEvent>> ReadAtAsync(IReadOnlyCollection<long> positions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var events = new List<StoredEvent>(positions.Count);
        foreach (var position in positions)
        {
            if (await ReadAtAsync(position, cancellationToken) is { } stored)
            {
                events.Add(stored with { Metadata = StoredEvent.NoMetadata });
            }
        }

        return [.. events.OrderBy(e => e.LogPosition)];
    }
}
