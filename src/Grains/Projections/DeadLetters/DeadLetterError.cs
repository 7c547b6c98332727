using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The error text a dead letter keeps: at most <see cref="MaxLength"/> characters (nested exceptions' stack traces are cut).</summary>
internal static class DeadLetterError
{
    public const int MaxLength = 4_000;

    public static string Truncate(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Length <= MaxLength)
        {
            return error;
        }

        var length = char.IsHighSurrogate(error[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return error[..length];
    }
}
