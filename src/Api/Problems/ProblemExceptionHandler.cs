using System.Globalization;
using Inventory.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Problems;

/// <summary>Turns every unhandled exception into a problem response: 503 with Retry-After for an unavailable
/// cluster or store, 500 otherwise. The exception is logged, never sent.</summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems,
    IOptions<InventoryApiOptions> options,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var problem = ApiProblems.FromException(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            LogFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the cluster or the event store is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
