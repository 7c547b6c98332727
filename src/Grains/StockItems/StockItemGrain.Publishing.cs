using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Projections;
using Microsoft.Extensions.Logging;

namespace Inventory.StockItems;

// The live path to the read side: confirmed events go out on the warehouse's stream right after their callers are
// answered, in version order, without holding up the item's next round. Best effort: the events are committed
// already, and a message lost here (failure, full queue, silo crash, deactivation) reaches the views through the
// projections' catch-up from the event store instead.
public sealed partial class StockItemGrain
{
    // The publish in flight, if any. Reset when the last one queued ends: a completed publish kept here would keep its
    // async state alive until the item's next movement, and every moved item's last publish would outlive young
    // collections.
    private Task _publishing = Task.CompletedTask;
    private int _publishesQueued;

    /// <summary>Queues the batch behind the ones published before (one publish at a time keeps version order).</summary>
    private void Publish(IReadOnlyList<EventData> stored, int firstVersion, IReadOnlyList<long> positions, List<(PendingMovement Pending, StockItemEvent Event)> accepted)
    {
        if (live.IsEnabled)
        {
            _publishesQueued++;
            var publishing = PublishAfterAsync(_publishing, stored, firstVersion, positions, accepted);
            _publishing = publishing.IsCompleted ? Task.CompletedTask : publishing;
        }
    }

    private async Task PublishAfterAsync(Task previous, IReadOnlyList<EventData> stored, int firstVersion, IReadOnlyList<long> positions, List<(PendingMovement Pending, StockItemEvent Event)> accepted)
    {
        Activity? span = null;
        try
        {
            await previous;
            span = StartPublishSpan(accepted, firstVersion);
            var envelopes = stored.Select((e, i) => e.ToEnvelope(_stream.StreamId, firstVersion + i, positions[i], EnvelopeTrace(span, accepted[i].Pending.Trace), accepted[i].Pending.Command.Principal)).ToList();
            await live.PublishAsync(_key.WarehouseId, new EventBatch(envelopes));
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            span?.SetTag("error.type", ex.GetType().FullName);
            LogPublishFailed(logger, ex, _stream.StreamId, firstVersion, firstVersion + stored.Count - 1, positions[0], stored[0].EventId);
        }
        finally
        {
            span?.Dispose();

            // On the grain's scheduler, as every await here resumes there.
            if (--_publishesQueued == 0)
            {
                _publishing = Task.CompletedTask;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live events of {StreamId}@{FromVersion}..{ToVersion} (position {Position}, first event {EventId}) not published; projections will catch them up from the event store")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string streamId, int fromVersion, int toVersion, long position, Guid eventId);
}
