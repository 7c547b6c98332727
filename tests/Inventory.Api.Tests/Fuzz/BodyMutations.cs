using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>Mutations of a JSON body: one member (or array item) anywhere in the tree made wrong, or the whole text
/// made wrong. Each returns what it did, for the report.</summary>
internal static class BodyMutations
{
    private static readonly string[] ExtraNames = ["colour", "Quantity", "QUANTITY", "", " ", "$type", "$ref", "__proto__",
        "movementid", "a\u0000b", "\uD800", "\U0001F4E6", "quantity ", "sku\u200B"];

    /// <summary>One member or item somewhere in <paramref name="root"/> replaced, removed, repeated, renamed or added.</summary>
    public static string Member(FuzzJson root, FuzzRandom random)
    {
        var containers = new List<(FuzzJson Node, string Path)>();
        Collect(root, "$", containers);
        var (node, path) = random.Pick(containers);
        if (node.Items is { } items)
        {
            return ArrayItem(items, path, random);
        }

        var members = node.Members!;
        if (members.Count == 0 || random.Chance(0.12))
        {
            var name = random.Chance(0.7) ? random.Pick(ExtraNames) : random.Alphanumeric(random.Int(1, 8));
            members.Insert(random.Int(0, members.Count + 1), KeyValuePair.Create(name, NastyValues.Member(random)));
            return $"{path}: extra member '{name}'";
        }

        var index = random.Int(0, members.Count);
        var member = members[index].Key;
        switch (random.Int(0, 10))
        {
            case 0:
                members.RemoveAt(index);
                return $"{path}.{member} removed";
            case 1:
                members[index] = KeyValuePair.Create(member, FuzzJson.Raw("null"));
                return $"{path}.{member} := null";
            case 2:
                members.Add(KeyValuePair.Create(member, NastyValues.Member(random)));
                return $"{path}.{member} repeated";
            case 3:
                var renamed = member.Length == 0 ? "_" : random.Chance(0.5) ? member.ToUpperInvariant() : char.ToUpperInvariant(member[0]) + member[1..];
                members[index] = KeyValuePair.Create(renamed, members[index].Value);
                return $"{path}.{member} renamed '{renamed}'";
            case 4:
                var length = random.Pick([100, 1_000, 10_000, 60_000]);
                members[index] = KeyValuePair.Create(member, FuzzJson.String(NastyValues.Long(random, length)));
                return $"{path}.{member} := {length} characters";
            default:
                members[index] = KeyValuePair.Create(member, NastyValues.Member(random));
                return $"{path}.{member} := hostile value";
        }
    }

    /// <summary>A string member of at least 64 KiB + 1 byte: the API must answer 413.</summary>
    public static string Oversize(FuzzJson root, FuzzRandom random)
    {
        var members = root.Members ?? root.Items?.FirstOrDefault()?.Members;
        var value = FuzzJson.String(new string('x', NastyValues.OverLimit + random.Int(0, 8_000)));
        if (members is null)
        {
            return "oversize impossible: not an object";
        }

        members.Add(KeyValuePair.Create("padding", value));
        return "padding member over 64 KiB";
    }

    /// <summary>The body's text made invalid as a whole (or valid JSON of the wrong shape).</summary>
    public static (byte[] Body, string Mutation) Text(string json, FuzzRandom random)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        switch (random.Int(0, 16))
        {
            case 0: return (utf8[..random.Int(0, utf8.Length)], "truncated");
            case 1: return (Encoding.UTF8.GetBytes(json + random.Pick([" x", json, "}", "\u0000", ","])), "trailing text");
            case 2: return (Encoding.UTF8.GetBytes(json.Length > 1 ? json[..^1] + ",}" : json), "trailing comma");
            case 3: return (Encoding.UTF8.GetBytes("/* c */" + json), "comment");
            case 4: return ([], "empty");
            case 5: return (Encoding.UTF8.GetBytes(random.Pick(["null", "[]", "{}", "\"text\"", "42", "true", " ", "\n"])), "wrong root");
            case 6: return (Encoding.UTF8.GetBytes("[" + json + "]"), "wrapped in an array");
            case 7: return (Encoding.UTF8.GetBytes(new string('[', 40) + json + new string(']', 40)), "nested 40 deep");
            case 8: return (Encoding.Unicode.GetBytes(json), "UTF-16");
            case 9: return ([0xEF, 0xBB, 0xBF, .. utf8], "byte order mark");
            case 10: return (Replace(utf8, random, [0xFF]), "invalid UTF-8 byte");
            case 11: return (Replace(utf8, random, [0xC0, 0xAF]), "overlong UTF-8");
            case 12: return (Replace(utf8, random, [0xED, 0xA0, 0x80]), "UTF-8 encoded surrogate");
            case 13: return (Encoding.UTF8.GetBytes(json.Replace("\"", "'", StringComparison.Ordinal)), "single quotes");
            case 14: return (Encoding.UTF8.GetBytes("movementId=1&sku=a"), "form encoded");
            default:
                var bytes = new byte[random.Int(1, 200)];
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)random.Int(0, 256);
                }

                return (bytes, "random bytes");
        }
    }

    private static string ArrayItem(List<FuzzJson> items, string path, FuzzRandom random)
    {
        if (items.Count == 0 || random.Chance(0.15))
        {
            var count = random.Pick([0, 501]);
            var template = items.FirstOrDefault() ?? FuzzJson.Raw("{}");
            items.Clear();
            items.AddRange(Enumerable.Repeat(template, count));
            return $"{path}: {count} items";
        }

        var index = random.Int(0, items.Count);
        items[index] = random.Chance(0.3) ? FuzzJson.Raw("null") : NastyValues.Member(random);
        return $"{path}[{index}] := hostile value";
    }

    private static void Collect(FuzzJson node, string path, List<(FuzzJson, string)> containers)
    {
        if (node.Members is { } members)
        {
            containers.Add((node, path));
            foreach (var (name, value) in members)
            {
                Collect(value, $"{path}.{name}", containers);
            }
        }
        else if (node.Items is { } items)
        {
            containers.Add((node, path));
            for (var i = 0; i < items.Count; i++)
            {
                Collect(items[i], $"{path}[{i}]", containers);
            }
        }
    }

    private static byte[] Replace(byte[] utf8, FuzzRandom random, byte[] bad)
    {
        var at = utf8.Length == 0 ? 0 : random.Int(0, utf8.Length);
        return [.. utf8[..at], .. bad, .. utf8[Math.Min(utf8.Length, at + 1)..]];
    }
}
