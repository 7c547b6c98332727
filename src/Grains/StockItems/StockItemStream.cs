using System.Text.Json;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;

namespace Inventory.StockItems;

/// <summary>
/// A stock item's event stream in the <see cref="IEventStore"/>: serialization, snapshots + tail on load,
/// temporal reads and history. No Orleans in here; the grain is the only Orleans-aware piece.
/// </summary>
public sealed class StockItemStream(IEventStore store, string streamId)
{
    public const string SnapshotType = "stock-item";
    public const int SnapshotSchemaVersion = 1;
    private const int PageSize = 1000;

    private static readonly EventSerializer<StockItemEvent> Serializer = StockItemEventTypes.Serializer;

    public string StreamId => streamId;

    /// <summary>Folds the stream up to <paramref name="toVersion"/> (all of it when null), starting from the
    /// snapshot when there is a usable one.</summary>
    public async Task<LoadedStockItem> LoadAsync(int? toVersion = null, CancellationToken cancellationToken = default)
    {
        var item = StockItem.Empty;
        var version = 0;
        var snapshotVersion = 0;
        var snapshot = await store.ReadSnapshotAsync(streamId, cancellationToken);
        if (snapshot is { Type: SnapshotType, SchemaVersion: SnapshotSchemaVersion } && (toVersion is null || snapshot.Version <= toVersion))
        {
            item = JsonSerializer.Deserialize<StockItem>(snapshot.Data, EventSerializer<StockItemEvent>.JsonOptions);
            version = snapshotVersion = snapshot.Version;
        }

        while (toVersion is null || version < toVersion)
        {
            var max = toVersion is null ? PageSize : Math.Min(PageSize, toVersion.Value - version);
            var page = await store.ReadStreamAsync(streamId, version, max, cancellationToken);
            foreach (var stored in page)
            {
                item = StockItem.Evolve(item, Serializer.Deserialize(stored));
                version = stored.Version;
            }

            if (page.Count < max)
            {
                break;
            }
        }

        return new LoadedStockItem(item, version, snapshotVersion);
    }

    public Task<AppendResult> AppendAsync(int expectedVersion, IReadOnlyList<StockItemEvent> events, EventMetadata metadata, CancellationToken cancellationToken = default) =>
        AppendAsync(expectedVersion, events.Select(e => (e, metadata)).ToList(), cancellationToken);

    /// <summary>Appends events at versions expectedVersion+1..., each with its own metadata, atomically.</summary>
    public Task<AppendResult> AppendAsync(int expectedVersion, IReadOnlyList<(StockItemEvent Event, EventMetadata Metadata)> events, CancellationToken cancellationToken = default) =>
        AppendAsync(expectedVersion, ToEventData(events), cancellationToken);

    /// <summary>Appends already serialized events (see <see cref="ToEventData"/>) at versions expectedVersion+1..., atomically.</summary>
    public Task<AppendResult> AppendAsync(int expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        store.AppendAsync(streamId, expectedVersion, events, cancellationToken);

    /// <summary>The stored form of events: stored type name and schema version, JSON data and metadata, and the event id
    /// derived from the stream and the movement (the same on every retry).</summary>
    public IReadOnlyList<EventData> ToEventData(IReadOnlyList<(StockItemEvent Event, EventMetadata Metadata)> events) =>
        events.Select(pair =>
        {
            var (e, metadata) = pair;
            var (type, schemaVersion) = Serializer.NameOf(e);
            var metadataJson = JsonSerializer.Serialize(metadata, EventSerializer<StockItemEvent>.JsonOptions);
            return new EventData(DeterministicGuid.ForEvent(streamId, e.MovementId), e.MovementId, type, schemaVersion, Serializer.SerializeData(e), metadataJson, e.RecordedAt);
        }).ToList();

    /// <summary>The answer a movement got when it was applied, or null when the stream has no such movement.
    /// A movement id reused for a different command is answered with <see cref="RejectionCodes.MovementIdReused"/>. The
    /// principal is not part of the fingerprint: the same movement sent again under another key is answered as a retry.</summary>
    public async Task<MovementResult?> FindMovementAsync(StockCommand command, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindByMovementAsync(streamId, command.MovementId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var metadata = ReadMetadata(stored);
        if (metadata.Command is not null && metadata.Command != command.Fingerprint())
        {
            return MovementResult.Rejected(command.MovementId, new Rejection(
                RejectionCodes.MovementIdReused,
                $"Movement {command.MovementId} was already used for a different movement ({metadata.Command}) at version {stored.Version}."));
        }

        var @event = Serializer.Deserialize(stored);
        return new MovementResult
        {
            MovementId = command.MovementId,
            Duplicate = true,
            Version = stored.Version,
            Position = stored.GlobalPosition,
            OnHand = @event.OnHandAfter,
            Reserved = @event.ReservedAfter,
        };
    }

    public async Task<int> GetVersionAtAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        await store.GetVersionAtAsync(streamId, asOf, cancellationToken);

    public async Task<HistoryPage> ReadHistoryAsync(int afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(streamId, Math.Max(afterVersion, 0), limit + 1, cancellationToken);
        var entries = events.Take(limit).Select(ToHistoryEntry).ToList();
        return new HistoryPage(entries, events.Count > limit ? entries[^1].Version : null);
    }

    public Task SaveSnapshotAsync(StockItem item, int version, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        store.SaveSnapshotAsync(new StreamSnapshot(streamId, version, SnapshotType, SnapshotSchemaVersion, SnapshotData(item), now), cancellationToken);

    /// <summary>A snapshot's data: the state as JSON (<see cref="SnapshotType"/>, <see cref="SnapshotSchemaVersion"/>); the
    /// operator tool's <c>snapshots rebuild</c> writes the same.</summary>
    public static string SnapshotData(StockItem item) => JsonSerializer.Serialize(item, EventSerializer<StockItemEvent>.JsonOptions);

    private static EventMetadata ReadMetadata(StoredEvent stored) =>
        JsonSerializer.Deserialize<EventMetadata>(stored.Metadata, EventSerializer<StockItemEvent>.JsonOptions) ?? new EventMetadata();

    private static HistoryEntry ToHistoryEntry(StoredEvent stored)
    {
        var data = Serializer.CurrentData(stored.Type, stored.SchemaVersion, stored.Data);
        var metadata = ReadMetadata(stored);
        return new HistoryEntry
        {
            EventId = stored.EventId,
            Version = stored.Version,
            GlobalPosition = stored.GlobalPosition,
            Type = stored.Type,
            MovementId = stored.MovementId,
            RecordedAt = stored.RecordedAt,
            OccurredAt = metadata.OccurredAt,
            ScannerId = metadata.ScannerId,
            Data = data.ToJsonString(),
            OnHandAfter = data["onHandAfter"]?.GetValue<long>() ?? 0,
            ReservedAfter = data["reservedAfter"]?.GetValue<long>() ?? 0,
            Principal = metadata.Principal,
        };
    }
}
