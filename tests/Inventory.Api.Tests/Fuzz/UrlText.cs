using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>Percent-encoding of path segments and query values (UTF-8; a lone surrogate becomes U+FFFD), and raw
/// escapes that no string encodes to (invalid UTF-8, broken escapes).</summary>
internal static class UrlText
{
    public static readonly IReadOnlyList<string> RawEscapes = ["%FF", "%C0%AF", "%E2%82", "%ED%A0%80", "%", "%zz", "%2e%2e", "a%00b", "%252F", "%2F", "%3F", "%23"];

    public static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
