using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>A JSON value under construction: a raw token (any text, valid JSON or not), an object (whose members may
/// repeat) or an array. Mutations change it in place; <see cref="ToString"/> writes it.</summary>
internal sealed class FuzzJson
{
    private FuzzJson(string? token, List<KeyValuePair<string, FuzzJson>>? members, List<FuzzJson>? items)
    {
        Token = token;
        Members = members;
        Items = items;
    }

    public string? Token { get; }

    public List<KeyValuePair<string, FuzzJson>>? Members { get; }

    public List<FuzzJson>? Items { get; }

    public static FuzzJson Raw(string token) => new(token, null, null);

    public static FuzzJson String(string value, bool escapeNonAscii = false) => Raw(JsonText.Quote(value, escapeNonAscii));

    public static FuzzJson Object(IEnumerable<KeyValuePair<string, FuzzJson>> members) => new(null, [.. members], null);

    public static FuzzJson Array(IEnumerable<FuzzJson> items) => new(null, null, [.. items]);

    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        if (Token is not null)
        {
            text.Append(Token);
        }
        else if (Members is not null)
        {
            text.Append('{');
            for (var i = 0; i < Members.Count; i++)
            {
                text.Append(i > 0 ? "," : "").Append(JsonText.Quote(Members[i].Key)).Append(':');
                Members[i].Value.Write(text);
            }

            text.Append('}');
        }
        else
        {
            text.Append('[');
            for (var i = 0; i < Items!.Count; i++)
            {
                text.Append(i > 0 ? "," : "");
                Items[i].Write(text);
            }

            text.Append(']');
        }
    }
}
