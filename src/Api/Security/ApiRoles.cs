namespace Inventory.Api.Security;

/// <summary>The roles an API key can have.</summary>
public static class ApiRoles
{
    /// <summary>Posts movements.</summary>
    public const string Scanner = "scanner";

    /// <summary>Reads items and their history.</summary>
    public const string Dashboard = "dashboard";

    /// <summary>Sets reorder points, reads the cluster; may also read what dashboards read.</summary>
    public const string Operator = "operator";

    /// <summary>Every role, in the order development keys are generated.</summary>
    public static readonly IReadOnlyList<string> All = [Scanner, Dashboard, Operator];
}
