using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Inventory.StockItems;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class TracingTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenACallersTraceparent_WhenPostingAMovement_ThenOneTraceSpansRequestGrainCallAndAppend_AndTheEventCarriesItsTraceId()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                || source.Name == StockItemTracing.SourceName,
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

        var response = await fixture.Client(TestKeys.Scanner).SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deadline = Stopwatch.StartNew();
        while (!spans.Any(s => s.Source.Name == StockItemTracing.SourceName) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Kind == ActivityKind.Client);
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Kind == ActivityKind.Server);
        var append = Assert.Single(spans, s => s.Source.Name == StockItemTracing.SourceName);
        Assert.Equal(item.Key, append.GetTagItem("inventory.stream_id"));
        var stored = Assert.Single(await fixture.Store.ReadStreamAsync(item.Key, 0, 10));
        Assert.Contains($"\"correlationId\":\"{traceId.ToHexString()}\"", stored.Metadata, StringComparison.Ordinal);
    }
}
