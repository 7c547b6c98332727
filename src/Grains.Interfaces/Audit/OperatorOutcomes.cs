namespace Inventory.Contracts.Audit;

/// <summary>How an operator action ended: <see cref="Ok"/> (2xx), <see cref="Refused"/> (4xx: not allowed, invalid,
/// not found, conflict; nothing was done), <see cref="Failed"/> (5xx: the system could not do it).</summary>
public static class OperatorOutcomes
{
    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Failed = "failed";

    /// <summary>The outcome of an HTTP status.</summary>
    public static string Of(int status) => status switch
    {
        < 400 => Ok,
        < 500 => Refused,
        _ => Failed,
    };
}
