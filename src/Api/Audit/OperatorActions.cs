namespace Inventory.Api.Audit;

/// <summary>The names of the audited operator actions, as the audit log shows them.</summary>
public static class OperatorActions
{
    public const string RebuildProjection = "projection.rebuild";
    public const string RetryDeadLetter = "dead-letter.retry";
    public const string SetReorderPoint = "item.reorder-point";
    public const string OpenClusterDashboardSession = "cluster-dashboard.session.open";
    public const string CloseClusterDashboardSession = "cluster-dashboard.session.close";
}
