using Microsoft.AspNetCore.Authorization;

namespace Inventory.Api.Security;

/// <summary>The authorization policies of the endpoints, by caller.</summary>
public static class ApiPolicies
{
    public const string Scanner = "scanner";
    public const string Dashboard = "dashboard";
    public const string Operator = "operator";

    /// <summary>Stock that moves across items (transfers, orders): scanners on the floor and operators.</summary>
    public const string ScannerOrOperator = "scanner-or-operator";

    /// <summary>The cluster dashboard: operator keys, by header or by the browser session they opened
    /// (<see cref="OperatorSession"/>).</summary>
    public const string ClusterDashboard = "cluster-dashboard";

    /// <summary>Any valid key, whatever its role: read-only reference material (the event schemas).</summary>
    public const string AnyKey = "any-key";

    /// <summary>Adds the policies: scanner endpoints for scanner keys, dashboard endpoints for dashboard and operator
    /// keys, operator endpoints for operator keys (the cluster dashboard also for their sessions), reference endpoints
    /// for any key.</summary>
    public static AuthorizationBuilder AddInventoryPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Scanner, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Scanner))
        .AddPolicy(Dashboard, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Dashboard, ApiRoles.Operator))
        .AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Operator))
        .AddPolicy(ScannerOrOperator, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Scanner, ApiRoles.Operator))
        .AddPolicy(ClusterDashboard, p => p.AddAuthenticationSchemes(OperatorSession.KeyOrSessionScheme)
            .RequireAuthenticatedUser().RequireRole(ApiRoles.Operator))
        .AddPolicy(AnyKey, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.All));
}
