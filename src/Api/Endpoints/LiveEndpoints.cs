using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Live;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>GET /api/v1/live[?warehouseId=]</c>: the movements the views apply, as server-sent events (see
/// <see cref="LiveMovementsHub"/> for how they are found and <see cref="LiveFeedResult"/> for the wire format).</summary>
public static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/live", GetLive)
            .WithTags("Views")
            .RequireAuthorization(ApiPolicies.Dashboard)
            .AddEndpointFilter<ClusterStartedFilter>()
            .WithWarehouseReadScope()
            .WithName("GetLive")
            .WithSummary("Server-sent events: 'ready' once following (read the views after it), then 'movement' (id = global position, data = the movement) for each movement the views apply, in position order per round; 'resync' when some may have been skipped; ': heartbeat' comments. Optional ?warehouseId= filter. At most a few connections per key (429 too-many-live-connections).")
            .Produces<RecentMovementResponse>(StatusCodes.Status200OK, LiveFeedResult.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Results<LiveFeedResult, ProblemHttpResult> GetLive(
        string? warehouseId, HttpContext context, LiveMovementsHub hub, LiveConnectionLimiter limiter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var warehouse = QueryArguments.Id(warehouseId, "warehouseId", errors, required: false);
        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        if (limiter.TryAcquire(context.User.Identity?.Name ?? string.Empty) is not { } lease)
        {
            return ApiProblems.Result(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyLiveConnections,
                "Too many live connections for this API key.", "Close another live connection of this key first.");
        }

        return new LiveFeedResult(hub.Subscribe(warehouse), lease);
    }
}
