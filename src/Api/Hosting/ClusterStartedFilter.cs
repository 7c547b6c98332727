using System.Globalization;
using Inventory.Api.Problems;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Hosting;

/// <summary>Answers 503 <c>cluster-unavailable</c> (with Retry-After) while the host is still starting, that is while
/// the Orleans client has not yet connected: Kestrel already listens then (the services start concurrently), but
/// the client cannot resolve grains before it has the cluster's manifest.</summary>
public sealed class ClusterStartedFilter(IHostApplicationLifetime lifetime, IOptions<InventoryApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Result(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ClusterUnavailable,
            "The cluster is unavailable.", "The API is still connecting to the cluster; retry later.");
    }
}
