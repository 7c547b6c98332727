using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace Inventory.Tools;

/// <summary>Options checked when the command line is parsed: a value out of range is a parse error (exit code 1, with
/// the help), as an unknown option is.</summary>
internal static class CommandLineOptions
{
    public static Option<T> Number<T>(string name, string description, T fallback, T min, T max)
        where T : struct, INumber<T> =>
        new(name)
        {
            Description = $"{description} ({min}..{max})",
            DefaultValueFactory = _ => fallback,
            CustomParser = result => Parse(result, name, min, max) ?? fallback,
        };

    public static Option<T?> OptionalNumber<T>(string name, string description, T min, T max)
        where T : struct, INumber<T> =>
        new(name)
        {
            Description = $"{description} ({min}..{max})",
            CustomParser = result => Parse(result, name, min, max),
        };

    public static Option<string> OneOf(string name, string description, string fallback, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static T? Parse<T>(ArgumentResult result, string name, T min, T max)
        where T : struct, INumber<T>
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} takes a number in {min}..{max}, not '{text}'.");
        return null;
    }
}
