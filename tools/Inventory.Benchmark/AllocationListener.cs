using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Inventory.Benchmark;

/// <summary>
/// What this process allocates, by type: the runtime's allocation sampling (<c>GCAllocationTick</c>, one event about
/// every 100 KB allocated on a heap, naming the type of the object that crossed the mark) summed per type. A sample, not
/// a count: types that are allocated often are named in proportion to their bytes. Off unless <c>--allocations</c> is
/// given, since listening costs a little.
/// </summary>
internal sealed class AllocationListener : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;

    private ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    /// <summary>The types with the most sampled bytes since the last call, with their share of all sampled bytes.</summary>
    public IReadOnlyList<(string Type, double Share)> TakeTop(int count)
    {
        var taken = Interlocked.Exchange(ref _bytesByType, new(StringComparer.Ordinal));
        var total = (double)taken.Values.Sum();
        return total == 0 ? [] : [.. taken.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, t.Value / total))];
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string : null;
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        _bytesByType.AddOrUpdate(type ?? "?", amount, (_, sum) => sum + amount);
    }
}
