using System.Diagnostics.CodeAnalysis;

namespace Inventory.Contracts;

/// <summary>The one rule for a principal, the authenticated caller's name that events keep in their metadata (the API
/// key's name, never the key).</summary>
public static class Principals
{
    public const int MaxLength = 128;

    /// <summary>The rule, as it is told to a caller who broke it.</summary>
    public const string Rule = "A principal must be 1 to 128 characters, not only white space, without control characters.";

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl);
}
