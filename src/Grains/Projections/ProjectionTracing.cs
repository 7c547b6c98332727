using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>The read side's spans (activity source <see cref="SourceName"/>): one <c>project</c> span (consumer) per
/// event a shard applies that carries a trace. A live delivery continues the trace of the event's publish (a child of
/// it); an event read back from the store (gap fill, re-drive) links to the trace kept in its metadata. Catch-up pages
/// carry no metadata, so their events get no span. Free when nothing listens.</summary>
public static class ProjectionTracing
{
    public const string SourceName = "Inventory.Projections";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of applying <paramref name="envelope"/> in a shard, or null when nothing listens or the envelope
    /// carries no trace. <paramref name="delivered"/>: it came with a delivery (child of its trace), not from the store
    /// (linked).</summary>
    public static Activity? StartProject(EventEnvelope envelope, string projection, string partition, bool delivered)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.TraceParent is null || !Source.HasListeners())
        {
            return null;
        }

        var origin = TraceParent.Parse(envelope.TraceParent);
        if (origin == default)
        {
            return null;
        }

        var span = delivered
            ? Source.StartActivity("project", ActivityKind.Consumer, origin)
            : Source.StartActivity("project", ActivityKind.Consumer, default(ActivityContext), links: [new ActivityLink(origin)]);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("messaging.system", "orleans");
            span.SetTag("messaging.operation.type", "process");
            span.SetTag("messaging.operation.name", "project");
            span.SetTag("messaging.destination.name", StockEventStream.Namespace);
            span.SetTag("messaging.consumer.group.name", projection);
            span.SetTag("messaging.message.id", envelope.EventId.ToString());
            span.SetTag("inventory.projection", projection);
            span.SetTag("inventory.shard", partition);
            span.SetTag("inventory.stream_id", envelope.StreamId);
            span.SetTag("inventory.version", envelope.Version);
            span.SetTag("inventory.position", envelope.Position);
        }

        return span;
    }

    /// <summary>Marks <paramref name="span"/> as an event parked after <paramref name="attempts"/> failed attempts.</summary>
    public static void Parked(Activity? span, Exception error, int attempts)
    {
        ArgumentNullException.ThrowIfNull(error);
        span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        span?.SetTag("error.type", error.GetType().FullName);
        span?.SetTag("inventory.attempts", attempts);
        span?.SetTag("inventory.parked", true);
    }
}
