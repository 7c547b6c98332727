using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Inventory.Contracts;

/// <summary>The one rule for the identifiers callers choose: warehouse ids, SKUs and reservation ids.</summary>
public static partial class Identifiers
{
    /// <summary>The rule, as it is told to a caller who broke it.</summary>
    public const string Rule = "Must match [A-Za-z0-9._-]{1,64}.";

    public static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
