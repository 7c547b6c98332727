using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;
using Json.Schema;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>The registered documents are well-formed JSON Schema 2020-12, and use no keyword the dialect does not have:
/// a misspelt keyword (<c>minimun</c>, <c>additionalProperty</c>) would be ignored by every validator, silently.</summary>
public sealed class SchemaDocumentTests
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary",
        "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired", "format",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items", "contains",
        "properties", "patternProperties", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties",
        "contentEncoding", "contentMediaType", "contentSchema",
    };

    private static readonly string[] SubschemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];

    private static readonly string[] Subschemas = ["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];

    private static readonly string[] SubschemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems"];

    public static TheoryData<string> Paths => new(SchemaCatalogue.Embedded.Documents.Select(d => d.Path));

    [Theory]
    [MemberData(nameof(Paths))]
    public void GivenARegisteredSchema_ThenItIsValidAgainstTheDraft202012MetaSchema(string path)
    {
        var document = SchemaCatalogue.Embedded.Documents.Single(d => d.Path == path);

        var result = MetaSchemas.Draft202012.Evaluate(JsonNode.Parse(document.Text), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void GivenARegisteredSchema_ThenEveryKeyIsAKeywordOfTheDialect(string path)
    {
        var document = SchemaCatalogue.Embedded.Documents.Single(d => d.Path == path);

        Assert.Empty(UnknownKeywords(JsonNode.Parse(document.Text)!, ""));
    }

    [Fact]
    public void GivenAMisspeltKeyword_ThenItIsFound()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"quantity":{"type":"integer","minimun":1}},"additionalProperty":false}""")!;

        Assert.Equal(["/properties/quantity/minimun", "/additionalProperty"], UnknownKeywords(schema, ""));
    }

    private static List<string> UnknownKeywords(JsonNode schema, string at)
    {
        var unknown = new List<string>();
        if (schema is not JsonObject obj)
        {
            return unknown;
        }

        foreach (var (key, value) in obj)
        {
            if (!Keywords.Contains(key))
            {
                unknown.Add($"{at}/{key}");
            }
            else if (SubschemaMaps.Contains(key) && value is JsonObject map)
            {
                unknown.AddRange(map.SelectMany(p => UnknownKeywords(p.Value!, $"{at}/{key}/{p.Key}")));
            }
            else if (Subschemas.Contains(key) && value is not null)
            {
                unknown.AddRange(UnknownKeywords(value, $"{at}/{key}"));
            }
            else if (SubschemaArrays.Contains(key) && value is JsonArray array)
            {
                unknown.AddRange(array.SelectMany((s, i) => UnknownKeywords(s!, $"{at}/{key}/{i}")));
            }
        }

        return unknown;
    }
}
