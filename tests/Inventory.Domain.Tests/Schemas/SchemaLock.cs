using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>
/// <c>schemas/registered.lock</c>: a fingerprint of every registered schema version. A registered version is immutable —
/// events were stored against it — so editing its structure (anything but <c>title</c>, <c>description</c>,
/// <c>$comment</c>, <c>examples</c>) to match a changed event, instead of registering the next version, fails the gate.
/// </summary>
internal static class SchemaLock
{
    public const string Path = "schemas/registered.lock";

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "title", "description", "$comment", "examples" };

    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "dependentSchemas" };

    /// <summary>The lock line of a document: its path and the SHA-256 of its structure (keys sorted, annotations dropped).</summary>
    public static string LineOf(SchemaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var canonical = Canonical(JsonNode.Parse(document.Text))!.ToJsonString();
        return $"{document.Path} sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
    }

    /// <summary>What breaks the lock: a registered version whose structure changed, one not locked yet, a locked one removed.</summary>
    public static IReadOnlyList<string> Check(SchemaCatalogue catalogue, IEnumerable<string> lockFileLines)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var locked = lockFileLines
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf(' ', StringComparison.Ordinal)], StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var document in catalogue.Documents)
        {
            var line = LineOf(document);
            if (!locked.Remove(document.Path, out var lockedLine))
            {
                failures.Add($"{document.Path} is not in {Path}. Once this version is final (before any event is stored in it), add the line: {line}");
            }
            else if (lockedLine != line)
            {
                failures.Add($"{document.Path} changed after it was registered: a registered version is immutable, since events were stored against it. " +
                    $"Put the new shape in version {document.Version + 1} ({SchemaCatalogue.PathOf(document.Kind, document.Type, document.Version + 1)}) " +
                    $"with an upcaster from {document.Version}, and restore this file. (Only if the file never matched what was stored: fix it, replace its line in " +
                    $"{Path} with: {line}, and say why in the commit.)");
            }
        }

        failures.AddRange(locked.Keys.Select(path =>
            $"{path} is locked in {Path} but no longer registered: events stored in that version would become unreadable. Restore it."));
        return failures;
    }

    /// <summary>Keys sorted, annotations dropped; the keys of a name map (<c>properties</c>...) are names, all kept.</summary>
    private static JsonNode? Canonical(JsonNode? node, bool isNameMap = false) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => isNameMap || !Annotations.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value, isNameMap: !isNameMap && NameMaps.Contains(p.Key))))),
        JsonArray array => new JsonArray([.. array.Select(item => Canonical(item))]),
        _ => node?.DeepClone(),
    };
}
