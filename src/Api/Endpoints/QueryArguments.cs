using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Contracts;
using Inventory.Contracts.StockItems;

namespace Inventory.Api.Endpoints;

/// <summary>Checks of path and query arguments; each adds its field's error to <c>errors</c> (answered with a 400
/// <c>invalid-input</c> problem) and returns the parsed value.</summary>
public static partial class QueryArguments
{
    /// <summary>A warehouse id or SKU (required when <paramref name="required"/>, else null stays null).</summary>
    public static string? Id(string? value, string field, Dictionary<string, string[]> errors, bool required = true)
    {
        if (value is null && !required)
        {
            return null;
        }

        if (!Identifiers.IsValid(value))
        {
            errors[field] = [Identifiers.Rule];
            return null;
        }

        return value;
    }

    /// <summary>A page size from 1 to <paramref name="max"/>; <paramref name="defaultValue"/> when absent.</summary>
    public static int Limit(string? value, int defaultValue, int max, Dictionary<string, string[]> errors, string field = "limit")
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max)
        {
            return limit;
        }

        errors[field] = [$"Must be a whole number from 1 to {max}."];
        return defaultValue;
    }

    /// <summary>A whole number of at least <paramref name="min"/>, or null when absent.</summary>
    public static long? Whole(string? value, string field, long min, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min)
        {
            return number;
        }

        errors[field] = [$"Must be a whole number of at least {min}."];
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>; <paramref name="defaultValue"/> when absent.</summary>
    public static bool Flag(string? value, string field, bool defaultValue, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[field] = ["Must be true or false."];
        return defaultValue;
    }

    /// <summary>An instant no later than <paramref name="now"/>, or null when absent: an ISO-8601 date (midnight UTC) or
    /// date and time with <c>Z</c> or an offset (a <c>+</c> must be sent as <c>%2B</c> in a query).</summary>
    public static DateTimeOffset? Instant(string? value, string field, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!IsoInstant().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            errors[field] = ["Must be an ISO-8601 date (midnight UTC) or date and time with Z or an offset, e.g. 2026-03-01T18:00:00Z; send + as %2B."];
            return null;
        }

        if (instant > now)
        {
            errors[field] = ["Must not be in the future."];
            return null;
        }

        return instant;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}
