namespace Inventory.Api.Tests.Fuzz;

/// <summary>What a request sends as X-Api-Key: a role's key, none, or a wrong one.</summary>
internal sealed record FuzzKey(string Label, string? Value)
{
    public static readonly FuzzKey Scanner = new("scanner", TestKeys.Scanner);
    public static readonly FuzzKey Dashboard = new("dashboard", TestKeys.Dashboard);
    public static readonly FuzzKey Operator = new("operator", TestKeys.Operator);
    public static readonly IReadOnlyList<FuzzKey> Roles = [Operator, Dashboard, Scanner];

    /// <summary>Keys no caller may use.</summary>
    public static readonly IReadOnlyList<FuzzKey> Wrong =
    [
        new("none", null),
        new("unknown", TestKeys.Unknown),
        new("empty", ""),
        new("scanner key with a space", TestKeys.Scanner + " "),
        new("operator key upper case", TestKeys.Operator.ToUpperInvariant()),
    ];
}
