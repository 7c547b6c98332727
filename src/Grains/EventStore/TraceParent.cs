using System.Diagnostics;

namespace Inventory.EventStore;

/// <summary>W3C <c>traceparent</c> strings (<c>00-{trace id}-{span id}-{flags}</c>): how a span's context is kept with a
/// stored event and carried on a live envelope, so that later work can continue or link to it.</summary>
public static class TraceParent
{
    /// <summary>The <c>traceparent</c> of <paramref name="context"/>, or null for the default (untraced) context.</summary>
    public static string? Of(ActivityContext context) =>
        context == default
            ? null
            : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>The context <paramref name="traceParent"/> names (remote: it comes from elsewhere), or the default
    /// context when it is null or malformed.</summary>
    public static ActivityContext Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
