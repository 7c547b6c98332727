using Inventory.Contracts.Audit;

namespace Inventory.Audit;

/// <summary>The lengths the audit log keeps: longer actor, action, target, problem and trace texts are cut.</summary>
internal static class OperatorAuditText
{
    public const int MaxLength = 200;

    public static string? Truncate(string? text)
    {
        if (text is null || text.Length <= MaxLength)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..length];
    }

    public static OperatorAction Clean(OperatorAction action) => action with
    {
        Actor = Truncate(action.Actor)!,
        Action = Truncate(action.Action)!,
        Target = Truncate(action.Target),
        Problem = Truncate(action.Problem),
        TraceId = Truncate(action.TraceId),
    };
}
