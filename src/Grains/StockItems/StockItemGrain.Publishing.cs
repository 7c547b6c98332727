using Inventory.EventStore;
using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Inventory.StockItems;

// The live path to the read side: confirmed events go out on the warehouse's stream right after their callers are
// answered. Best effort: the events are committed already, and a message lost here (failure, full queue, silo
// crash just before) reaches the views through the projections' catch-up from the event store instead.
public sealed partial class StockItemGrain
{
    private IAsyncStream<EventBatch>? _liveStream;

    private void OpenLiveStream(StockItemKey key)
    {
        var provider = ServiceProvider.GetKeyedService<IStreamProvider>(StockEventStream.ProviderName);
        _liveStream = provider?.GetStream<EventBatch>(StreamId.Create(StockEventStream.Namespace, key.WarehouseId));
    }

    private async Task PublishAsync(IReadOnlyList<EventData> stored, int firstVersion, IReadOnlyList<long> positions)
    {
        if (_liveStream is null)
        {
            return;
        }

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
            Metadata = e.Metadata,
        }).ToList();
        try
        {
            await _liveStream.OnNextAsync(new EventBatch(envelopes));
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, _stream.StreamId, firstVersion, firstVersion + envelopes.Count - 1, positions[0], envelopes[0].EventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live events of {StreamId}@{FromVersion}..{ToVersion} (position {Position}, first event {EventId}) not published; projections will catch them up from the event store")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string streamId, int fromVersion, int toVersion, long position, Guid eventId);
}
