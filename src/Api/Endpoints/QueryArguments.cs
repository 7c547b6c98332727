using System.Globalization;
using Inventory.Contracts;
using Inventory.Contracts.StockItems;

namespace Inventory.Api.Endpoints;

/// <summary>Checks of path and query arguments; each adds its field's error to <c>errors</c> (answered with a 400
/// <c>invalid-input</c> problem) and returns the parsed value.</summary>
public static class QueryArguments
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
}
