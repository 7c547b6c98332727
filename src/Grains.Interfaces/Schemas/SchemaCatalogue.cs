using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inventory.Contracts.Schemas;

/// <summary>
/// The registered JSON Schemas of what the event store holds, as checked in under <c>schemas/</c> and embedded in this
/// assembly: one file per stored type and schema version, <c>schemas/{events|snapshots|metadata}/{type}.v{n}.schema.json</c>.
/// Reads and checks the files only (no validation library): the API serves them from here, the silo's
/// <c>EventSchemaRegistry</c> validates with them.
/// </summary>
public sealed partial class SchemaCatalogue
{
    /// <summary>The dialect every registered schema declares.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The base of every <c>$id</c>: an identifier, not an address (the <c>.example</c> domain never resolves);
    /// a document's <c>$id</c> is this followed by its path under <c>schemas/</c>.</summary>
    public const string IdBase = "https://inventory.example/schemas/";

    private static readonly Lazy<SchemaCatalogue> EmbeddedCatalogue = new(LoadEmbedded);

    private readonly Dictionary<(string Type, int Version), SchemaDocument> _byKey;

    /// <summary>Reads and checks a set of schema files.</summary>
    /// <param name="files">Each file's path in the repository (<c>schemas/events/stock-received.v1.schema.json</c>) and text.</param>
    /// <exception cref="InvalidDataException">A file is misnamed, is not a JSON Schema 2020-12 object with the expected
    /// <c>$id</c> and a title, or a type's versions do not run 1, 2, ... without a gap.</exception>
    public SchemaCatalogue(IEnumerable<(string Path, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parsed = files.Select(f => Parse(f.Path, f.Text)).ToList();
        var documents = new List<SchemaDocument>();
        foreach (var type in parsed.GroupBy(p => p.Type, StringComparer.Ordinal))
        {
            if (type.Select(p => p.Kind).Distinct().Count() > 1)
            {
                throw new InvalidDataException($"Schema type '{type.Key}' is registered under more than one kind: {string.Join(", ", type.Select(p => p.Path))}.");
            }

            var versions = type.OrderBy(p => p.Version).ToList();
            for (var i = 0; i < versions.Count; i++)
            {
                if (versions[i].Version != i + 1)
                {
                    throw new InvalidDataException(
                        $"Schema versions of '{type.Key}' must run 1, 2, ... without gaps or repeats; found {string.Join(", ", versions.Select(v => v.Version))}.");
                }
            }

            documents.AddRange(versions.Select(v => v with { IsCurrent = v.Version == versions.Count }));
        }

        Documents = [.. documents.OrderBy(d => d.Kind).ThenBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Version)];
        _byKey = Documents.ToDictionary(d => (d.Type, d.Version));
    }

    /// <summary>The schemas embedded in this assembly: the ones checked in under <c>schemas/</c>.</summary>
    public static SchemaCatalogue Embedded => EmbeddedCatalogue.Value;

    /// <summary>Every registered schema, by kind, type and version.</summary>
    public IReadOnlyList<SchemaDocument> Documents { get; }

    public SchemaDocument? Find(string type, int version) => _byKey.GetValueOrDefault((type, version));

    /// <summary>The current (highest) version of <paramref name="type"/>, or null when it has none.</summary>
    public SchemaDocument? Current(string type) => Documents.SingleOrDefault(d => d.IsCurrent && d.Type == type);

    /// <summary>The path in the repository where version <paramref name="version"/> of <paramref name="type"/> lives
    /// (or would live).</summary>
    public static string PathOf(SchemaKind kind, string type, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"schemas/{FolderOf(kind)}/{type}.v{version}.schema.json");

    private static string FolderOf(SchemaKind kind) => kind switch
    {
        SchemaKind.Event => "events",
        SchemaKind.Snapshot => "snapshots",
        SchemaKind.Metadata => "metadata",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static SchemaDocument Parse(string path, string text)
    {
        var match = PathPattern().Match(path);
        if (!match.Success)
        {
            throw new InvalidDataException($"'{path}' is not named schemas/{{events|snapshots|metadata}}/{{type}}.v{{n}}.schema.json.");
        }

        var kind = match.Groups["folder"].Value switch
        {
            "events" => SchemaKind.Event,
            "snapshots" => SchemaKind.Snapshot,
            _ => SchemaKind.Metadata,
        };
        var type = match.Groups["type"].Value;
        var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
        string? dialect, id, title;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} is not a JSON object.");
            }

            dialect = StringMember(document.RootElement, "$schema");
            id = StringMember(document.RootElement, "$id");
            title = StringMember(document.RootElement, "title");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        var expectedId = IdBase + path["schemas/".Length..];
        if (dialect != Dialect)
        {
            throw new InvalidDataException($"{path} must declare \"$schema\": \"{Dialect}\".");
        }

        if (id != expectedId)
        {
            throw new InvalidDataException($"{path} must have \"$id\": \"{expectedId}\" (its path under schemas/); it has '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new InvalidDataException($"{path} has no title.");
        }

        return new SchemaDocument(kind, type, version, false, path, id, title, text);
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static SchemaCatalogue LoadEmbedded()
    {
        var assembly = typeof(SchemaCatalogue).Assembly;
        return new SchemaCatalogue(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("schemas/", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (name, reader.ReadToEnd());
            }));
    }

    [GeneratedRegex(@"^schemas/(?<folder>events|snapshots|metadata)/(?<type>[a-z0-9]+(?:-[a-z0-9]+)*)\.v(?<version>[1-9][0-9]{0,8})\.schema\.json\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
