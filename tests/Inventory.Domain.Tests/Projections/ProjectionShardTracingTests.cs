using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;
using static Inventory.Domain.Tests.Projections.StockLog;

namespace Inventory.Domain.Tests.Projections;

/// <summary>The <c>project</c> span of a shard: a child of the trace a live delivery carries, a link to the trace an event
/// read back from the store keeps in its metadata, none for an event without a trace.</summary>
public sealed class ProjectionShardTracingTests
{
    [Fact]
    public async Task GivenALiveEventAfterAGap_WhenApplied_ThenItsSpanContinuesTheDeliveredTrace_AndTheGapFilledEventsSpanLinksToItsStoredTrace()
    {
        var streamId = $"w1/apples-{Guid.NewGuid():N}";
        var (spans, listener) = Listen(streamId);
        using var listening = listener;
        var stored = Context();
        var live = Context();
        var store = new InMemoryEventStore();
        var now = DateTimeOffset.UnixEpoch;
        var received = StockItemDecisions.Decide(StockItem.Empty, Receive(10), now).Event!;
        var picked = StockItemDecisions.Decide(StockItem.Evolve(StockItem.Empty, received), Pick(3), now).Event!;
        await new StockItemStream(store, streamId).AppendAsync(0, [(received, new EventMetadata(TraceParent: TraceParent.Of(stored))), (picked, new EventMetadata())]);
        var second = (await store.ReadStreamAsync(streamId, 1, 1))[0].ToEnvelope() with { TraceParent = TraceParent.Of(live) };
        var shard = new ProjectionShard<WarehouseView>(new ShardState<WarehouseView>(), new RecordingEnvironment(store), ShardRetryPolicy.Default, TimeProvider.System, "warehouses", "w1");

        Assert.Equal(2, await shard.ApplyAsync([second]));

        var gapFilled = Assert.Single(spans.Values, s => Equals(s.GetTagItem("inventory.version"), 1));
        Assert.NotEqual(stored.TraceId, gapFilled.TraceId);
        var link = Assert.Single(gapFilled.Links).Context;
        Assert.Equal((stored.TraceId, stored.SpanId), (link.TraceId, link.SpanId));
        var delivered = Assert.Single(spans.Values, s => Equals(s.GetTagItem("inventory.version"), 2));
        Assert.Equal((live.TraceId, live.SpanId), (delivered.TraceId, delivered.ParentSpanId));
        Assert.Empty(delivered.Links);
        Assert.All(spans.Values, s =>
        {
            Assert.Equal(ActivityKind.Consumer, s.Kind);
            Assert.Equal("warehouses", s.GetTagItem("inventory.projection"));
            Assert.Equal("w1", s.GetTagItem("inventory.shard"));
        });
    }

    [Fact]
    public async Task GivenEventsWithoutATrace_WhenApplied_ThenNoSpanIsStarted()
    {
        var streamId = $"w1/pears-{Guid.NewGuid():N}";
        var (spans, listener) = Listen(streamId);
        using var listening = listener;
        var log = new StockLog();
        await log.ApplyAsync(streamId, Receive(10), Pick(3));
        var shard = new ProjectionShard<WarehouseView>(new ShardState<WarehouseView>(), new RecordingEnvironment(log.Store), ShardRetryPolicy.Default, TimeProvider.System);

        Assert.Equal(2, await shard.ApplyAsync(log.Log));

        Assert.Empty(spans);
    }

    [Fact]
    public void GivenMetadataWithoutATrace_WhenStoredAndRead_ThenItHasNoTraceParentKey_AndOldMetadataStillReads()
    {
        var json = JsonSerializer.Serialize(new EventMetadata(ScannerId: "s-1"), EventSerializer<StockItemEvent>.JsonOptions);
        var old = JsonSerializer.Deserialize<EventMetadata>("""{"scannerId":"s-1","correlationId":"abc","command":"receive"}""", EventSerializer<StockItemEvent>.JsonOptions)!;

        Assert.DoesNotContain("traceParent", json, StringComparison.Ordinal);
        Assert.Null(old.TraceParent);
        Assert.Equal("abc", old.CorrelationId);
    }

    private static ActivityContext Context() => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    /// <summary>The <c>project</c> spans of <paramref name="streamId"/>, by span id, while the test runs.</summary>
    private static (ConcurrentDictionary<ActivitySpanId, Activity> Spans, ActivityListener Listener) Listen(string streamId)
    {
        var spans = new ConcurrentDictionary<ActivitySpanId, Activity>();
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProjectionTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("inventory.stream_id"), streamId))
                {
                    spans[activity.SpanId] = activity;
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return (spans, listener);
    }
}
