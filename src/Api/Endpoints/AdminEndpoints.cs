using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>GET /api/v1/admin/cluster</c>: silos, their status and activation counts; <c>GET /api/v1/admin/audit</c>:
/// the operator audit log (operators).</summary>
public static class AdminEndpoints
{
    public const int DefaultAuditLimit = 100;
    public const int MaxAuditLimit = 1000;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(ApiPolicies.Operator).AddEndpointFilter<ClusterStartedFilter>();
        group.MapGet("/cluster", GetClusterAsync)
            .WithName("GetCluster")
            .WithSummary("Silos of the cluster, their status and activation counts.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/audit", GetAuditAsync)
            .WithName("GetAudit")
            .WithSummary($"Operator actions (who, when, what, target, outcome) by id after an id, oldest first; at most limit (default {DefaultAuditLimit}, max {MaxAuditLimit}).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<OperatorActionsResponse>, ProblemHttpResult>> GetAuditAsync(string? after, string? limit, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var afterId = QueryArguments.Whole(after, "after", 0, errors) ?? 0;
        var pageSize = QueryArguments.Limit(limit, DefaultAuditLimit, MaxAuditLimit, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var actions = await grains.GetGrain<IOperatorAuditGrain>(0).ListAsync(afterId, pageSize);
        var next = actions.Count == pageSize ? $"/api/v1/admin/audit?after={actions[^1].Id}&limit={pageSize}" : null;
        return TypedResults.Ok(new OperatorActionsResponse(
            [.. actions.Select(a => new OperatorActionResponse(a.Id, a.At, a.Actor, a.Action, a.Target, a.Outcome, a.Status, a.Problem, a.TraceId))],
            next));
    }

    private static async Task<Ok<ClusterResponse>> GetClusterAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var counts = new Dictionary<SiloAddress, int>();
        var grainTypes = new List<GrainTypeActivationsResponse>();
        if (active.Length > 0)
        {
            var statistics = await management.GetRuntimeStatistics(active);
            for (var i = 0; i < active.Length; i++)
            {
                counts[active[i]] = statistics[i].ActivationCount;
            }

            var simple = await management.GetSimpleGrainStatistics(active);
            grainTypes = [.. simple.GroupBy(s => s.GrainType, StringComparer.Ordinal)
                .Select(g => new GrainTypeActivationsResponse(g.Key, g.Sum(s => s.ActivationCount)))
                .OrderByDescending(g => g.Activations).ThenBy(g => g.GrainType, StringComparer.Ordinal)];
        }

        var silos = hosts
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new SiloResponse(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString(),
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(h.IAmAliveTime, DateTimeKind.Utc)),
                counts.TryGetValue(h.SiloAddress, out var n) ? n : null))
            .ToList();
        return TypedResults.Ok(new ClusterResponse(silos, active.Length, counts.Values.Sum(), grainTypes));
    }
}
