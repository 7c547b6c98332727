using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>
/// An append-only store of event streams. Each stream is a gap-free sequence of versions 1..n;
/// each event also gets a global position. Implementations: <see cref="InMemoryEventStore"/> (embedded default,
/// fast tests) and <see cref="Postgres.PostgresEventStore"/>; one contract test suite runs against both.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> atomically at versions expectedVersion+1... if and only if the stream
    /// is at <paramref name="expectedVersion"/> and none of their movement ids is in the stream yet.
    /// Idempotent: appending the very same events again (same ids, types and data at the same versions) answers
    /// <see cref="AppendStatus.AlreadyAppended"/>. Every event's id must be <see cref="DeterministicGuid.ForEvent"/> of
    /// the stream and its movement (which makes event ids unique across the store); otherwise throws
    /// <see cref="ArgumentException"/> and writes nothing. Otherwise throws only when the store cannot be reached; then
    /// the outcome is unknown and the same append may be retried safely.
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Events of a stream with version &gt; <paramref name="afterVersion"/>, oldest first, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, int afterVersion, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The event of <paramref name="streamId"/> caused by <paramref name="movementId"/>, if any.</summary>
    Task<StoredEvent?> FindByMovementAsync(string streamId, Guid movementId, CancellationToken cancellationToken = default);

    /// <summary>The version the stream had at <paramref name="asOf"/> (0 when it had no events yet).</summary>
    Task<int> GetVersionAtAsync(string streamId, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>The latest snapshot of a stream, if any.</summary>
    Task<StreamSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="snapshot"/> unless a snapshot of a later version is already stored.</summary>
    Task SaveSnapshotAsync(StreamSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stream's snapshot; nothing is lost, the next read folds the events again.</summary>
    Task DeleteSnapshotAsync(string streamId, CancellationToken cancellationToken = default);
}
