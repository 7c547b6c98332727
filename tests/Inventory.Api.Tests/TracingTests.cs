using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;
using Xunit.Abstractions;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class TracingTests(ApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task GivenACallersTraceparent_WhenPostingAMovement_ThenOneTraceSpansRequestGrainCallAppendPublishAndProjection_AndTheEventCarriesItsTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                || source.Name.StartsWith("Inventory.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var item = TestItem.New();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/movements")
        {
            Content = new StringContent(Http.Json(Http.Movement(item, "receive", 3)), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        // Catch-up (every 50 ms in tests) would otherwise often apply the event before the live delivery does.
        using (fixture.Store.PauseLog())
        {
            var response = await fixture.Client(TestKeys.Scanner).SendAsync(request);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var deadline = Stopwatch.StartNew();
            while (ProjectedInto(spans).Count < 2 && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }
        }

        Print(spans);
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Kind == ActivityKind.Client);
        var append = Assert.Single(spans, s => s.Source.Name == StockItemTracing.SourceName && s.OperationName == "append");
        Assert.Equal(item.Key, append.GetTagItem("inventory.stream_id"));
        var grainCall = Assert.Single(spans, s => s.SpanId == append.ParentSpanId);
        Assert.Equal(ActivityKind.Server, grainCall.Kind);
        Assert.StartsWith("Microsoft.Orleans", grainCall.Source.Name, StringComparison.Ordinal);

        var publish = Assert.Single(spans, s => s.Source.Name == StockItemTracing.SourceName && s.OperationName == "publish");
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal(grainCall.SpanId, publish.ParentSpanId);
        Assert.Equal(1, publish.GetTagItem("messaging.batch.message_count"));
        var projected = ProjectedInto(spans);
        Assert.Contains("warehouses", projected);
        Assert.Contains("skus", projected);
        Assert.All(spans.Where(s => s.OperationName == "project"), project =>
        {
            Assert.Equal(ActivityKind.Consumer, project.Kind);
            Assert.Equal(publish.SpanId, project.ParentSpanId);
            Assert.Equal(item.Key, project.GetTagItem("inventory.stream_id"));
        });

        var stored = Assert.Single(await fixture.Store.ReadStreamAsync(item.Key, 0, 10));
        Assert.Contains($"\"correlationId\":\"{traceId.ToHexString()}\"", stored.Metadata, StringComparison.Ordinal);
        Assert.Contains($"\"traceParent\":\"{TraceParent.Of(grainCall.Context)}\"", stored.Metadata, StringComparison.Ordinal);
    }

    private static List<string?> ProjectedInto(IEnumerable<Activity> spans) =>
        [.. spans.Where(s => s.Source.Name == ProjectionTracing.SourceName).Select(s => s.GetTagItem("inventory.projection") as string)];

    /// <summary>The trace as a tree (children indented under their parent, in start order), with each span's links.</summary>
    private void Print(IEnumerable<Activity> collected)
    {
        var spans = collected.OrderBy(s => s.StartTimeUtc).ToList();
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        void Write(Activity span, int depth)
        {
            var links = string.Join(", ", span.Links.Select(l => $"{l.Context.TraceId}/{l.Context.SpanId}"));
            var projection = span.GetTagItem("inventory.projection") is string name ? $" projection {name}" : "";
            output.WriteLine($"{new string(' ', depth * 2)}{span.OperationName} [{span.Kind}, {span.Source.Name}] span {span.SpanId}{projection}"
                + (links.Length > 0 ? $" links: {links}" : ""));
            foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId))
            {
                Write(child, depth + 1);
            }
        }

        output.WriteLine($"trace {spans.FirstOrDefault()?.TraceId}: {spans.Count} spans");
        foreach (var root in spans.Where(s => !ids.Contains(s.ParentSpanId)))
        {
            output.WriteLine($"(parent {root.ParentSpanId})");
            Write(root, 1);
        }
    }
}
