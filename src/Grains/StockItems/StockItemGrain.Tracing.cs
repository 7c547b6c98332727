using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.StockItems;

// The item's spans (StockItemTracing): the append of a round and the publish of its confirmed events, each a child of
// the round's first movement's grain call and linked to the others'. Nothing is allocated when nothing listens.
public sealed partial class StockItemGrain
{
    /// <summary>The append's span (null when nothing listens).</summary>
    private Activity? StartAppendSpan(List<(PendingMovement Pending, StockItemEvent Event)> accepted)
    {
        if (!StockItemTracing.Source.HasListeners())
        {
            return null;
        }

        var span = StockItemTracing.Source.StartActivity("append", ActivityKind.Internal, accepted[0].Pending.Trace, links: OtherTraces(accepted));
        span?.SetTag("inventory.stream_id", _stream.StreamId);
        span?.SetTag("inventory.expected_version", Version);
        span?.SetTag("inventory.events", accepted.Count);
        return span;
    }

    /// <summary>The span of handing a round's confirmed events to the warehouse's live stream (producer; null when
    /// nothing listens). Tagged after OpenTelemetry's messaging conventions.</summary>
    private Activity? StartPublishSpan(List<(PendingMovement Pending, StockItemEvent Event)> accepted, int firstVersion)
    {
        if (!StockItemTracing.Source.HasListeners())
        {
            return null;
        }

        var span = StockItemTracing.Source.StartActivity("publish", ActivityKind.Producer, accepted[0].Pending.Trace, links: OtherTraces(accepted));
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("messaging.system", "orleans");
            span.SetTag("messaging.operation.type", "send");
            span.SetTag("messaging.operation.name", "publish");
            span.SetTag("messaging.destination.name", StockEventStream.Namespace);
            span.SetTag("messaging.batch.message_count", accepted.Count);
            span.SetTag("inventory.warehouse_id", _key.WarehouseId);
            span.SetTag("inventory.stream_id", _stream.StreamId);
            span.SetTag("inventory.first_version", firstVersion);
        }

        return span;
    }

    /// <summary>The trace an envelope carries to the projections: the publish span's when the event belongs to its trace
    /// (the round's first movement, or another of the same request), else the event's own request's grain call; null
    /// when nothing is traced.</summary>
    private static string? EnvelopeTrace(Activity? publish, ActivityContext movement) =>
        publish is null ? null
        : movement == default || movement.TraceId == publish.TraceId ? TraceParent.Of(publish.Context)
        : TraceParent.Of(movement);

    /// <summary>Links to the traces of the round's movements after the first.</summary>
    private static IEnumerable<ActivityLink>? OtherTraces(List<(PendingMovement Pending, StockItemEvent Event)> accepted) =>
        accepted.Count == 1 ? null : accepted.Skip(1).Where(a => a.Pending.Trace != default).Select(a => new ActivityLink(a.Pending.Trace));
}
