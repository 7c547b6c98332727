using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.EventStore.Postgres;
using Xunit.Abstractions;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The writer batch's span: one per round trip, continuing the first traced append and linking the others,
/// Npgsql's command span under it.</summary>
public sealed class PostgresAppendTracingTests(PostgresDatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private const string CallersName = "Inventory.Tests.Appends";

    private static readonly ActivitySource Callers = new(CallersName);

    private readonly PostgresDatabase _database = fixture.Database;

    [Fact]
    public async Task GivenTwoTracedAppendsInOneBatch_WhenTheWriterSendsIt_ThenItsSpanContinuesTheFirstAndLinksTheSecond_AndNpgsqlsSpanIsItsChild()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is EventStoreTracing.SourceName or "Npgsql" or CallersName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        // The writer's thread starts under this span: its batches must not become its children.
        PostgresEventStore store;
        ActivityTraceId composing;
        using (var ambient = Callers.StartActivity("composing the store")!)
        {
            composing = ambient.TraceId;
            store = _database.CreateStore(new PostgresEventStoreOptions { Writers = 1 });
        }

        var blocked = NewStreamId();
        string[] traced = [NewStreamId(), NewStreamId()];
        var callers = new List<ActivityContext>();
        await using (store)
        {
            await using var blocker = await WriterBlocker.HoldAsync(_database, blocked);
            var inFlight = store.AppendAsync(blocked, 0, [TestEvent.For(blocked)]);
            await blocker.WaitUntilAWriterWaitsAsync();
            var queued = new List<Task<AppendResult>>();
            foreach (var streamId in traced)
            {
                using var caller = Callers.StartActivity("append")!;
                callers.Add(caller.Context);
                queued.Add(store.AppendAsync(streamId, 0, [TestEvent.For(streamId)]));
            }

            await blocker.ReleaseAsync();
            await inFlight;
            Assert.All(await Task.WhenAll(queued), r => Assert.Equal(AppendStatus.Appended, r.Status));
        }

        Print(spans);
        var batches = spans.Where(s => s.OperationName == AppendBatcher.BatchSpanName).ToList();
        var untraced = Assert.Single(batches, b => Equals(b.GetTagItem("inventory.stream_id"), blocked));
        Assert.Equal(default, untraced.ParentSpanId);
        Assert.DoesNotContain(batches, b => b.TraceId == composing);
        var batch = Assert.Single(batches, b => b.TraceId == callers[0].TraceId);
        Assert.Equal(callers[0].SpanId, batch.ParentSpanId);
        var link = Assert.Single(batch.Links);
        Assert.Equal(callers[1], link.Context);
        Assert.Contains(link.Tags!, t => t.Key == "inventory.stream_id" && (string?)t.Value == traced[1]);
        Assert.Equal("postgresql", batch.GetTagItem("db.system.name"));
        Assert.Equal("append_events", batch.GetTagItem("db.operation.name"));
        Assert.Equal(2, batch.GetTagItem("db.operation.batch.size"));
        Assert.Equal(2, batch.GetTagItem("inventory.batch.appended"));
        Assert.Equal("committed", batch.GetTagItem("inventory.batch.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, batch.Status);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == batch.SpanId && s.Kind == ActivityKind.Client);
    }

    private static string NewStreamId() => $"traced/{Guid.NewGuid():N}";

    private void Print(IEnumerable<Activity> spans)
    {
        foreach (var span in spans.OrderBy(s => s.StartTimeUtc))
        {
            output.WriteLine($"{span.OperationName} [{span.Kind}, {span.Source.Name}] trace {span.TraceId} span {span.SpanId} parent {span.ParentSpanId}"
                + string.Concat(span.Links.Select(l => $" link {l.Context.TraceId}/{l.Context.SpanId}")));
        }
    }
}
