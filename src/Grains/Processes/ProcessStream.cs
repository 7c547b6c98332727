using System.Text.Json;
using Inventory.Contracts.Processes;
using Inventory.EventStore;

namespace Inventory.Processes;

/// <summary>
/// A process manager's own log in the <see cref="IEventStore"/>: folded whole on load (a process has tens of events,
/// not thousands: no snapshots), appended with optimistic concurrency, read back as history. No Orleans in here.
/// </summary>
public sealed class ProcessStream<TEvent>(IEventStore store, string streamId, EventSerializer<TEvent> serializer, Func<TEvent, Guid> movementOf, Func<TEvent, DateTimeOffset> recordedAtOf)
    where TEvent : class
{
    private const int PageSize = 1000;

    public string StreamId => streamId;

    /// <summary>Every event of the stream, oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await store.ReadStreamAsync(streamId, all.Count, PageSize, cancellationToken);
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }
        }
    }

    /// <summary>The folded state, the version, and the principal of the last event (who drives the process now; null when
    /// the stream is empty or its last event has none).</summary>
    public async Task<(TState State, int Version, string? Principal)> LoadAsync<TState>(TState empty, Func<TState, TEvent, TState> evolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evolve);
        var stored = await ReadAllAsync(cancellationToken);
        var state = stored.Aggregate(empty, (s, e) => evolve(s, serializer.Deserialize(e)));
        return (state, stored.Count, stored.Count > 0 ? StoredEvent.PrincipalOf(stored[^1].Metadata) : null);
    }

    /// <summary>Appends events at versions expectedVersion+1..., atomically, with <paramref name="metadata"/>.</summary>
    public Task<AppendResult> AppendAsync(int expectedVersion, IReadOnlyList<TEvent> events, EventMetadata metadata, CancellationToken cancellationToken = default)
    {
        var metadataJson = JsonSerializer.Serialize(metadata, EventSerializer<TEvent>.JsonOptions);
        var data = events.Select(e =>
        {
            var (type, schemaVersion) = serializer.NameOf(e);
            var movementId = movementOf(e);
            return new EventData(DeterministicGuid.ForEvent(streamId, movementId), movementId, type, schemaVersion, serializer.SerializeData(e), metadataJson, recordedAtOf(e));
        }).ToList();
        return store.AppendAsync(streamId, expectedVersion, data, cancellationToken);
    }

    /// <summary>The stored events as history entries (data in the current schema).</summary>
    public IReadOnlyList<ProcessHistoryEntry> History(IReadOnlyList<StoredEvent> stored) =>
        [.. stored.Select(e => new ProcessHistoryEntry
        {
            Version = e.Version,
            Type = e.Type,
            RecordedAt = e.RecordedAt,
            GlobalPosition = e.GlobalPosition,
            Data = serializer.CurrentData(e.Type, e.SchemaVersion, e.Data).ToJsonString(),
            Principal = StoredEvent.PrincipalOf(e.Metadata),
        })];
}
