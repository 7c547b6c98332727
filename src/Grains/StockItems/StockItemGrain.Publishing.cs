using Inventory.EventStore;
using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Inventory.StockItems;

// The live path to the read side: confirmed events go out on the warehouse's stream right after their callers are
// answered, in version order, without holding up the item's next round. Best effort: the events are committed
// already, and a message lost here (failure, full queue, silo crash, deactivation) reaches the views through the
// projections' catch-up from the event store instead.
public sealed partial class StockItemGrain
{
    // The provider (a silo singleton) and the stream's id, not a stream handle, which every active item would keep:
    // a short-lived one is made per publish instead.
    private IStreamProvider? _liveStreams;
    private StreamId _liveStreamId;
    private Task _publishing = Task.CompletedTask;

    private void OpenLiveStream(StockItemKey key)
    {
        _liveStreams = ServiceProvider.GetKeyedService<IStreamProvider>(StockEventStream.ProviderName);
        _liveStreamId = StreamId.Create(StockEventStream.Namespace, key.WarehouseId);
    }

    /// <summary>Queues the batch behind the ones published before (one publish at a time keeps version order).</summary>
    private void Publish(IReadOnlyList<EventData> stored, int firstVersion, IReadOnlyList<long> positions)
    {
        if (_liveStreams is not null)
        {
            _publishing = PublishAfterAsync(_publishing, stored, firstVersion, positions);
        }
    }

    private async Task PublishAfterAsync(Task previous, IReadOnlyList<EventData> stored, int firstVersion, IReadOnlyList<long> positions)
    {
        await previous;

        var envelopes = stored.Select((e, i) => new EventEnvelope
        {
            EventId = e.EventId,
            StreamId = _stream.StreamId,
            Version = firstVersion + i,
            Position = positions[i],
            Type = e.Type,
            SchemaVersion = e.SchemaVersion,
            RecordedAt = e.RecordedAt,
            MovementId = e.MovementId,
            Data = e.Data,
        }).ToList();
        try
        {
            await _liveStreams!.GetStream<EventBatch>(_liveStreamId).OnNextAsync(new EventBatch(envelopes));
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, _stream.StreamId, firstVersion, firstVersion + envelopes.Count - 1, positions[0], envelopes[0].EventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live events of {StreamId}@{FromVersion}..{ToVersion} (position {Position}, first event {EventId}) not published; projections will catch them up from the event store")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string streamId, int fromVersion, int toVersion, long position, Guid eventId);
}
