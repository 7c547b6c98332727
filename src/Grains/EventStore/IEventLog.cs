using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The log from <paramref name="after"/> to its gap-safe end in pages of <paramref name="pageSize"/> (the last one
    /// short, possibly empty), as <see cref="ReadAllAsync"/> would give them one by one: for a reader that goes through
    /// much of the log at once (a rebuild). A store may read them all on one connection.
    /// </summary>
    async IAsyncEnumerable<LogPage> ScanAsync(LogPosition after, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        while (true)
        {
            var page = await ReadAllAsync(after, pageSize, cancellationToken).ConfigureAwait(false);
            yield return page;
            if (page.Events.Count < pageSize)
            {
                yield break;
            }

            after = page.End;
        }
    }

    /// <summary>
    /// The entries of up to <paramref name="maxCount"/> events after <paramref name="after"/>: the same events, order and
    /// gap-safe end as <see cref="ReadAllAsync"/>, without their payloads (stream, version and position only). Catch-up
    /// reads these first, then only the events its shards lack (<see cref="ReadEventsAsync"/>): the live path has
    /// usually delivered them all.
    /// </summary>
    Task<LogEntryPage> ReadEntriesAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The committed events at <paramref name="positions"/> (global positions), as <see cref="ReadAllAsync"/>
    /// gives them (metadata: the principal only), in position order; a position no committed event has is left out.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken = default);

    /// <summary>The head of the log as seen from <paramref name="after"/>; <see cref="LogHead.Pending"/> counts committed
    /// events after it, at most <paramref name="pendingCap"/>.</summary>
    Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default);

    /// <summary>The event at a global position, or null when no committed event has it (yet, or ever: positions have gaps).</summary>
    Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default);
}
