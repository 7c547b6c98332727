using System.Globalization;
using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>JSON string literals written by hand, so that any .NET string goes out as asked: lone surrogates and
/// control characters as <c>\uXXXX</c> escapes (which a serializer would refuse to write), the rest as UTF-8.</summary>
internal static class JsonText
{
    public static string Quote(string value, bool escapeNonAscii = false)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!escapeNonAscii && char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c) || (escapeNonAscii && c > '~'))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
