namespace Inventory.Api.Tests.Fuzz;

/// <summary>Hostile values: strings for parameters and string members, raw JSON tokens for members of any type.</summary>
internal static class NastyValues
{
    /// <summary>Body members this long or longer push a body over the API's 64 KiB limit.</summary>
    public const int OverLimit = (64 * 1024) + 1;

    private static readonly int[] LongLengths = [64, 65, 256, 1_024, 8_000, 30_000, 60_000];

    private static readonly string[] Strings =
    [
        "", " ", "\t", "\r\n", "a", "A", "0", "-1", "1.5", "-0", "1e308", "1e400", "9223372036854775808", "2147483648",
        "-2147483649", "4294967296", "NaN", "Infinity", "true", "false", "null", "undefined", "{}", "[]", "\"", "'",
        ".", "..", "...", "%", "%00", "%2F", "/", "//", "\\", "?", "#", "&", "=", ";", ",", "+", "*", "a b", "a_b",
        "a/b", "../../etc/passwd", "CON", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "{{7*7}}",
        "e\u0301\u0301\u0301\u0301", "\u202Eabc", "\u05E9\u05DC\u05D5\u05DD", "\u0627\u0644\u0645\u062E\u0632\u0646",
        "\U0001F4E6\U0001F69A", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "a\u0000b", "\u0000", "\uD800", "\uDC00",
        "x\uDBFFy", "\uDC00\uD800", "\uFEFFa", "a\u200Bb", "\u0130", "\u00DF", "\uFF11\uFF12\uFF13", "\u0663", "\u00A0",
        "\u2028", "\u0007", "\u001B[31m", "\uFFFF", "\uFFFD", "00000000-0000-0000-0000-000000000000",
        "6A1F2C9E-9D1B-4C35-9A57-2F3B8D3E1A10", "{6a1f2c9e-9d1b-4c35-9a57-2f3b8d3e1a10}", "6a1f2c9e9d1b4c359a572f3b8d3e1a10",
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59.9999999Z",
        "2026-02-30T00:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T12:00:00", "2026-01-31", "2026-01-31T12:00:00+25:00",
        "receive", "RECEIVE", "pick ", "teleport",
    ];

    private static readonly string[] Tokens =
    [
        "null", "true", "false", "0", "-0", "-1", "1", "1.5", "-1.5", "0.0000001", "1E2", "1e308", "-1e308", "1e400",
        "-1e400", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "01", "+1", ".5", "1.", "0x10",
        "NaN", "Infinity", "-Infinity", "\"5\"", "\"\"", "{}", "{\"a\":1}", "[]", "[1,\"a\",null]", "[null]", "[[[[]]]]",
        new string('[', 20) + new string(']', 20), new string('[', 17) + new string(']', 17), "{\"a\":{\"b\":{\"c\":{}}}}",
        "tru", "nul", "'a'", "\"a", "\"\\x41\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\u0000\"", "\"a\u0000\"",
        "\"\\u12\"", "\"\t\"",
    ];

    public static string String(FuzzRandom random) => random.Chance(0.12) ? Long(random, random.Pick(LongLengths)) : random.Pick(Strings);

    /// <summary>Any value for a member: a hostile string or a raw token, valid JSON or not.</summary>
    public static FuzzJson Member(FuzzRandom random) => random.Int(0, 3) switch
    {
        0 => FuzzJson.String(String(random), escapeNonAscii: random.Chance(0.3)),
        _ => FuzzJson.Raw(random.Pick(Tokens)),
    };

    public static string Long(FuzzRandom random, int length)
    {
        var unit = random.Pick(["x", "\u00E9", "\U0001F4E6", "e\u0301", "\u202E", "ab"]);
        return string.Concat(Enumerable.Repeat(unit, Math.Max(1, length / unit.Length)));
    }
}
