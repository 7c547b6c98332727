using System.Diagnostics.CodeAnalysis;
using System.Buffers;

namespace Inventory.Contracts;

/// <summary>The one rule for the identifiers callers choose: warehouse ids, SKUs and reservation ids.</summary>
public static class Identifiers
{
    /// <summary>The rule, as it is told to a caller who broke it.</summary>
    public const string Rule = "Must match [A-Za-z0-9._-]{1,64}.";

    /// <summary>The characters of <see cref="Rule"/>.</summary>
    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsValid([NotNullWhen(true)] string? value) => value is not null && IsValid(value.AsSpan());

    /// <summary>Whether <paramref name="value"/> follows <see cref="Rule"/> (a part of a stream id, checked without
    /// cutting it out: the read side checks every event's stream id).</summary>
    public static bool IsValid(ReadOnlySpan<char> value) => value.Length is >= 1 and <= 64 && !value.ContainsAnyExcept(Allowed);
}
