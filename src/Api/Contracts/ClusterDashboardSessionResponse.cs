namespace Inventory.Api.Contracts;

/// <summary>An opened cluster dashboard session: where the dashboard is, and when the session cookie expires.</summary>
public sealed record ClusterDashboardSessionResponse(string Url, DateTimeOffset ExpiresAt);
