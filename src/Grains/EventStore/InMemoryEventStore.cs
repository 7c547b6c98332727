using System.Text.Json.Nodes;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>
/// The embedded default: an event store in process memory with the same semantics as the PostgreSQL one
/// (same contract tests). Nothing survives the process. Each append is one transaction of the global log, with the
/// next transaction id (from 1); appends are atomic under one lock, so the log needs no horizon.
/// </summary>
public sealed class InMemoryEventStore : IEventStore, IEventLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StreamSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _log = [];
    private long _position;
    private ulong _transactionId;

    public Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendArguments.Validate(streamId, expectedVersion, events);
        if (events.Count == 0)
        {
            return Task.FromResult(new AppendResult(AppendStatus.Appended, []));
        }

        lock (_gate)
        {
            var stream = _streams.TryGetValue(streamId, out var existing) ? existing : [];
            var result = Check(stream, expectedVersion, events);
            if (result is not null)
            {
                return Task.FromResult(result);
            }

            var transactionId = ++_transactionId;
            var positions = new long[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                positions[i] = ++_position;
                var stored = new StoredEvent(
                    streamId, expectedVersion + i + 1, positions[i], e.EventId, e.MovementId, e.Type, e.SchemaVersion, e.Data, e.Metadata, e.RecordedAt, transactionId);
                stream.Add(stored);
                _log.Add(stored);
            }

            _streams[streamId] = stream;
            return Task.FromResult(new AppendResult(AppendStatus.Appended, positions));
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, int afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredEvent> page = _streams.TryGetValue(streamId, out var stream)
                ? stream.Skip(Math.Max(afterVersion, 0)).Take(maxCount).ToArray()
                : [];
            return Task.FromResult(page);
        }
    }

    public Task<StoredEvent?> FindByMovementAsync(string streamId, Guid movementId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = _streams.TryGetValue(streamId, out var stream) ? stream.Find(e => e.MovementId == movementId) : null;
            return Task.FromResult(found);
        }
    }

    public Task<int> GetVersionAtAsync(string streamId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var version = _streams.TryGetValue(streamId, out var stream)
                ? stream.LastOrDefault(e => e.RecordedAt <= asOf)?.Version ?? 0
                : 0;
            return Task.FromResult(version);
        }
    }

    public Task<StreamSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_snapshots.GetValueOrDefault(streamId));
        }
    }

    public Task SaveSnapshotAsync(StreamSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(snapshot.StreamId, out var current) || current.Version <= snapshot.Version)
            {
                _snapshots[snapshot.StreamId] = snapshot;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _snapshots.Remove(streamId);
        }

        return Task.CompletedTask;
    }

    public Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var start = FirstAfter(after);
            var count = Math.Clamp(_log.Count - start, 0, Math.Max(maxCount, 0));
            var events = _log.GetRange(start, count).Select(AsLogged).ToArray();
            return Task.FromResult(new LogPage(events, count > 0 ? events[^1].LogPosition : after));
        }
    }

    public Task<LogEntryPage> ReadEntriesAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var start = FirstAfter(after);
            var count = Math.Clamp(_log.Count - start, 0, Math.Max(maxCount, 0));
            var entries = _log.GetRange(start, count).Select(e => new LogEntry(e.StreamId, e.Version, e.LogPosition)).ToArray();
            return Task.FromResult(new LogEntryPage(entries, count > 0 ? entries[^1].Position : after));
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(positions);
        lock (_gate)
        {
            IReadOnlyList<StoredEvent> events = positions.Distinct().Order().Select(At).OfType<StoredEvent>().Select(AsLogged).ToArray();
            return Task.FromResult(events);
        }
    }

    public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(At(position));
        }
    }

    public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pendingCap);
        lock (_gate)
        {
            var start = FirstAfter(after);
            var pending = Math.Min(_log.Count - start, pendingCap);
            DateTimeOffset? oldest = pending > 0 ? _log.GetRange(start, pending).Min(e => e.RecordedAt) : null;
            var head = _log.Count > 0 ? _log[^1].GlobalPosition : 0;
            return Task.FromResult(new LogHead(head, pending, oldest));
        }
    }

    /// <summary>The event at a global position (the log's order is also the positions' here: one writer at a time).</summary>
    private StoredEvent? At(long position)
    {
        var index = _log.BinarySearch(null!, Comparer<StoredEvent>.Create((a, _) => a.GlobalPosition.CompareTo(position)));
        return index >= 0 ? _log[index] : null;
    }

    /// <summary>An event as the global log gives it: of its metadata, the principal alone (see <see cref="IEventLog.ReadAllAsync"/>).</summary>
    private static StoredEvent AsLogged(StoredEvent e) =>
        e with { Metadata = StoredEvent.LogMetadata(e.Metadata), KnownPrincipal = StoredEvent.PrincipalOf(e.Metadata) };

    /// <summary>The index of the first logged event after <paramref name="after"/> (the log is in (transaction, position) order).</summary>
    private int FirstAfter(LogPosition after)
    {
        int low = 0, high = _log.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_log[middle].LogPosition <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Data compared as JSON values, as PostgreSQL compares <c>jsonb</c>: key order and whitespace do not matter.</summary>
    private static bool IsSameEvent(StoredEvent stored, EventData e) =>
        stored.EventId == e.EventId
        && stored.Type == e.Type
        && (stored.Data == e.Data || JsonNode.DeepEquals(JsonNode.Parse(stored.Data), JsonNode.Parse(e.Data)));

    private AppendResult? Check(List<StoredEvent> stream, int expectedVersion, IReadOnlyList<EventData> events)
    {
        // The very same events already stored at the same versions (same movement, type and data): an earlier attempt
        // whose acknowledgement was lost. The same movement at that version with other data is a duplicate movement.
        if (stream.Count >= expectedVersion + events.Count
            && events.Select((e, i) => IsSameEvent(stream[expectedVersion + i], e)).All(same => same))
        {
            return new AppendResult(AppendStatus.AlreadyAppended, events.Select((_, i) => stream[expectedVersion + i].GlobalPosition).ToArray());
        }

        var duplicate = events.FirstOrDefault(e => stream.Exists(s => s.MovementId == e.MovementId));
        if (duplicate is not null)
        {
            return AppendResult.Duplicate(duplicate.MovementId);
        }

        // A movement twice in one append cannot be stored (movement ids are unique in a stream): PostgreSQL's unique
        // index refuses the second row, and the request as a whole fails as a conflict there too.
        if (stream.Count != expectedVersion
            || events.DistinctBy(e => e.MovementId).Count() != events.Count)
        {
            return AppendResult.Conflict;
        }

        return null;
    }
}
