using Inventory.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Audit;

/// <summary>Records the outcome of an operator endpoint's call in the audit log (see <see cref="OperatorAuditRecorder"/>):
/// the status and problem code of its result, or of the problem its exception becomes.</summary>
public sealed class OperatorAuditFilter(OperatorAuditRecorder recorder) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var audit = http.GetEndpoint()?.Metadata.GetMetadata<OperatorAuditMetadata>();
        if (audit is null)
        {
            return await next(context);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            var problem = ApiProblems.FromException(e);
            await recorder.RecordAsync(http, audit, problem.Status ?? StatusCodes.Status500InternalServerError, Code(problem));
            throw;
        }

        var (status, code) = Outcome(result);
        await recorder.RecordAsync(http, audit, status, code);
        return result;
    }

    /// <summary>The status and problem code of an endpoint's result (200 when it says no status).</summary>
    public static (int Status, string? Problem) Outcome(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result switch
        {
            ProblemHttpResult problem => (problem.StatusCode, Code(problem.ProblemDetails)),
            IStatusCodeHttpResult { StatusCode: { } status } => (status, status >= 400 ? ProblemCodes.ForStatus(status) : null),
            _ => (StatusCodes.Status200OK, null),
        };
    }

    private static string? Code(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem.Extensions.TryGetValue("code", out var code) && code is string text ? text : problem.Type;
}
