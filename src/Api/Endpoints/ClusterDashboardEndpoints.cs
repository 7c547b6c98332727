using System.Security.Claims;
using Inventory.Api.Audit;
using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace Inventory.Api.Endpoints;

/// <summary>The Orleans Dashboard (silos, grains, calls, latencies) served by the API at <see cref="OperatorSession.Path"/>
/// for operators only, and the session that lets a browser open it: <c>POST</c> and <c>DELETE
/// /api/v1/admin/cluster-dashboard/session</c> with an operator key (see <see cref="OperatorSession"/>).</summary>
public static class ClusterDashboardEndpoints
{
    public static IEndpointRouteBuilder MapClusterDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/v1/admin/cluster-dashboard/session").WithTags("Admin").RequireAuthorization(ApiPolicies.Operator);
        session.MapPost("", OpenAsync)
            .WithName("OpenClusterDashboardSession")
            .WithOperatorAudit(OperatorActions.OpenClusterDashboardSession)
            .WithSummary($"Exchanges the operator key for a browser session cookie (HttpOnly, SameSite=Strict, path {OperatorSession.Path}) that opens the cluster dashboard at {OperatorSession.Path}/.");
        session.MapDelete("", (Delegate)CloseAsync)
            .WithName("CloseClusterDashboardSession")
            .WithOperatorAudit(OperatorActions.CloseClusterDashboardSession)
            .WithSummary("Ends the browser's cluster dashboard session (removes its cookie).");

        // The dashboard's page polls its own endpoints every second or so: not counted against the key's rate limit.
        app.MapOrleansDashboard(OperatorSession.Path)
            .RequireAuthorization(ApiPolicies.ClusterDashboard)
            .AddEndpointFilter<ClusterStartedFilter>()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<ClusterDashboardSessionResponse>> OpenAsync(HttpContext context, TimeProvider time)
    {
        var claims = context.User.Claims.Where(c => c.Type is ClaimTypes.Name or ClaimTypes.Role);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, OperatorSession.SchemeName));
        var expires = time.GetUtcNow() + OperatorSession.Lifetime;
        await context.SignInAsync(OperatorSession.SchemeName, principal, new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false });
        return TypedResults.Ok(new ClusterDashboardSessionResponse($"{OperatorSession.Path}/", expires));
    }

    private static async Task<NoContent> CloseAsync(HttpContext context)
    {
        await context.SignOutAsync(OperatorSession.SchemeName);
        return TypedResults.NoContent();
    }
}
