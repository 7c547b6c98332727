using System.Diagnostics;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Postgres;

// The writer batch's span (EventStoreTracing): one round trip serves the appends of many requests, so the span
// continues the first traced append's trace and links to every other append's span (OpenTelemetry's convention for
// batches). Npgsql's command span, when something listens to Npgsql, is its child. Nothing is allocated when nothing
// listens.
internal sealed partial class AppendBatcher
{
    public const string BatchSpanName = "append_events batch";

    private void ExecuteTraced(List<AppendRequest> batch, WriterConnection connection)
    {
        if (!EventStoreTracing.Source.HasListeners())
        {
            Execute(batch, connection);
            return;
        }

        using var span = StartBatchSpan(batch);
        Execute(batch, connection);
        if (span is { IsAllDataRequested: true })
        {
            Outcome(span, batch);
        }
    }

    private static Activity? StartBatchSpan(List<AppendRequest> batch)
    {
        var parent = batch.Find(r => r.Trace != default)?.Trace ?? default;
        List<ActivityLink>? links = null;
        foreach (var request in batch)
        {
            if (request.Trace != default && request.Trace != parent)
            {
                (links ??= []).Add(new ActivityLink(request.Trace, new ActivityTagsCollection
                {
                    ["inventory.stream_id"] = request.StreamId,
                    ["inventory.expected_version"] = request.ExpectedVersion,
                }));
            }
        }

        var span = EventStoreTracing.Source.StartActivity(BatchSpanName, ActivityKind.Internal, parent, links: links);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("db.system.name", "postgresql");
            span.SetTag("db.operation.name", "append_events");
            span.SetTag("db.collection.name", "events");
            span.SetTag("db.operation.batch.size", batch.Count);
            span.SetTag("inventory.batch.streams", batch.Count);
            span.SetTag("inventory.batch.events", batch.Sum(r => r.Events.Count));
            span.SetTag("inventory.stream_id", batch[0].StreamId);
        }

        return span;
    }

    /// <summary>How the batch's appends ended: counts by status, and an error when some failed.</summary>
    private static void Outcome(Activity span, List<AppendRequest> batch)
    {
        int appended = 0, already = 0, duplicate = 0, conflict = 0, failed = 0;
        Exception? error = null;
        foreach (var request in batch)
        {
            var answer = request.Completion.Task;
            if (!answer.IsCompletedSuccessfully)
            {
                failed++;
                error ??= answer.Exception?.InnerException;
                continue;
            }

            switch (answer.Result.Status)
            {
                case AppendStatus.Appended: appended++; break;
                case AppendStatus.AlreadyAppended: already++; break;
                case AppendStatus.DuplicateMovement: duplicate++; break;
                default: conflict++; break;
            }
        }

        span.SetTag("inventory.batch.appended", appended);
        span.SetTag("inventory.batch.already_appended", already);
        span.SetTag("inventory.batch.duplicate_movement", duplicate);
        span.SetTag("inventory.batch.version_conflict", conflict);
        span.SetTag("inventory.batch.failed", failed);
        span.SetTag("inventory.batch.outcome", failed == 0 ? "committed" : failed == batch.Count ? "failed" : "partly_failed");
        if (error is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            span.SetTag("error.type", error.GetType().FullName);
        }
    }
}
