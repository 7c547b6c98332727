using System.Diagnostics;
using Inventory.Contracts.Audit;

namespace Inventory.Api.Audit;

/// <summary>
/// Writes one operator action to the audit log (<see cref="IOperatorAuditGrain"/>): the key name, the endpoint's action,
/// its target (the route values, in route order, joined by <c>/</c>), the HTTP status and problem code, the trace id.
/// The action has happened by then: when the log cannot be written the record goes to the error log in full and the
/// response is left as it is.
/// </summary>
public sealed partial class OperatorAuditRecorder(IGrainFactory grains, TimeProvider time, ILogger<OperatorAuditRecorder> logger)
{
    public async Task RecordAsync(HttpContext context, OperatorAuditMetadata audit, int status, string? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(audit);
        var action = new OperatorAction(
            0,
            time.GetUtcNow(),
            context.User.Identity?.Name ?? "anonymous",
            audit.Action,
            Target(context),
            OperatorOutcomes.Of(status),
            status,
            problem,
            Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier);
        try
        {
            await grains.GetGrain<IOperatorAuditGrain>(0).RecordAsync(action);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogNotRecorded(logger, e, action.Actor, action.Action, action.Target, action.Outcome, action.Status, action.Problem, action.TraceId, action.At);
        }
    }

    private static string? Target(HttpContext context)
    {
        var values = context.Request.RouteValues;
        if (values.Count == 0)
        {
            return null;
        }

        var names = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name) ?? values.Keys;
        return string.Join('/', names.Select(n => values.TryGetValue(n, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null).Where(v => v is not null));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Operator action not written to the audit log: {Actor} {Action} {Target}: {Outcome} ({Status} {Problem}), trace {TraceId}, at {At}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string actor, string action, string? target, string outcome, int status, string? problem, string? traceId, DateTimeOffset at);
}
