using System.Collections.Concurrent;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Testing;

/// <summary>
/// Wraps an event store and checks everything written through it against the registered schemas
/// (<see cref="EventSchemaRegistry"/>): each event's data against its stored type and schema version, its metadata, each
/// snapshot. A document that does not match is refused (the append or save throws <see cref="InvalidDataException"/> and
/// writes nothing, as a database constraint would) and kept in <see cref="Violations"/>; fixtures call
/// <see cref="AssertNoViolations"/> when they are disposed. This is how every event the grain and API tests emit is checked.
/// Its global log is the inner store's.
/// </summary>
public sealed class SchemaCheckingEventStore(IEventStore inner, EventSchemaRegistry? registry = null) : IEventStore, IEventLog
{
    private readonly EventSchemaRegistry _registry = registry ?? EventSchemaRegistry.Embedded;
    private readonly ConcurrentQueue<string> _violations = new();
    private int _eventsChecked;
    private int _snapshotsChecked;

    /// <summary>Every refused write: the stream and what did not match.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>How many events were checked (valid or not): proof that the check ran.</summary>
    public int EventsChecked => _eventsChecked;

    public int SnapshotsChecked => _snapshotsChecked;

    /// <summary>Throws when any write was refused, listing them all.</summary>
    public void AssertNoViolations()
    {
        if (!_violations.IsEmpty)
        {
            throw new InvalidDataException(
                $"{_violations.Count} write(s) did not match the registered schemas (schemas/, docs/events.md):{Environment.NewLine}{string.Join(Environment.NewLine, _violations)}");
        }
    }

    public Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var invalid = new List<string>();
        foreach (var @event in events)
        {
            Interlocked.Increment(ref _eventsChecked);
            var validation = _registry.ValidateEvent(@event);
            if (!validation.IsValid)
            {
                invalid.Add($"{streamId} event {@event.EventId}: {validation}");
            }
        }

        return invalid.Count == 0 ? inner.AppendAsync(streamId, expectedVersion, events, cancellationToken) : Refuse<AppendResult>(invalid);
    }

    public Task SaveSnapshotAsync(StreamSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Interlocked.Increment(ref _snapshotsChecked);
        var validation = _registry.ValidateSnapshot(snapshot);
        return validation.IsValid ? inner.SaveSnapshotAsync(snapshot, cancellationToken) : Refuse<bool>([$"{snapshot.StreamId} snapshot at v{snapshot.Version}: {validation}"]);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, int afterVersion, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, afterVersion, maxCount, cancellationToken);

    public Task<StoredEvent?> FindByMovementAsync(string streamId, Guid movementId, CancellationToken cancellationToken = default) =>
        inner.FindByMovementAsync(streamId, movementId, cancellationToken);

    public Task<int> GetVersionAtAsync(string streamId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        inner.GetVersionAtAsync(streamId, asOf, cancellationToken);

    public Task<StreamSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadSnapshotAsync(streamId, cancellationToken);

    public Task DeleteSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.DeleteSnapshotAsync(streamId, cancellationToken);

    public Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadAllAsync(after, maxCount, cancellationToken);

    public Task<LogEntryPage> ReadEntriesAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadEntriesAsync(after, maxCount, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadEventsAsync(positions, cancellationToken);

    public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadHeadAsync(after, pendingCap, cancellationToken);

    public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadAtAsync(position, cancellationToken);

    private Task<T> Refuse<T>(List<string> invalid)
    {
        foreach (var violation in invalid)
        {
            _violations.Enqueue(violation);
        }

        return Task.FromException<T>(new InvalidDataException(string.Join(Environment.NewLine, invalid)));
    }
}
