using System.Globalization;
using System.Text.Json.Nodes;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>Values the API should accept, by parameter or member name where the document's schema says too little
/// (an identifier's pattern, the movement types), else by the schema's type and format.</summary>
internal sealed class ValidValues(FuzzRandom random, FuzzItems items)
{
    public static readonly IReadOnlyList<string> MovementTypes = ["receive", "pick", "reserve", "release", "adjust", "count"];

    public FuzzItems Items => items;

    public string Parameter(FuzzParameter parameter) => parameter.Name.ToUpperInvariant() switch
    {
        "WAREHOUSEID" => items.Warehouse(),
        "SKU" => items.Sku(),
        "ORDERID" => items.Order(),
        "VERSION" => Whole(1, 6),
        "ASOF" => random.Pick(["2026-01-31T12:00:00Z", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            "2020-01-01T00:00Z", "2030-12-31T23:59:59+02:00"]),
        "AFTER" => random.Pick([Whole(0, 4), items.Sku()]),
        "LIMIT" => random.Pick(["1", "2", Whole(1, 1001), "1000"]),
        "MINPOSITION" => Whole(1, 20),
        "OPEN" => random.Pick(["true", "false", "True"]),
        "ID" => Whole(1, 6),
        "PROJECTION" => "fz-" + random.Alphanumeric(4),
        "TYPE" => random.Pick(["stock-received", "stock-adjusted", "stock-item", "event-metadata", "fz-" + random.Alphanumeric(4)]),
        _ => Scalar(parameter.Schema).Token is { } token && token.StartsWith('"') ? token[1..^1] : random.Alphanumeric(random.Int(1, 12)),
    };

    /// <summary>A value for a body member: by name first, else from its schema.</summary>
    public FuzzJson Member(string name, JsonObject schema) => name.ToUpperInvariant() switch
    {
        "MOVEMENTID" => FuzzJson.String(random.Guid().ToString()),
        "WAREHOUSEID" => FuzzJson.String(items.Warehouse()),
        "SKU" => FuzzJson.String(items.Sku()),
        "TYPE" => FuzzJson.String(random.Pick(MovementTypes)),
        "QUANTITY" => FuzzJson.Raw(Whole(1, 21)),
        "RESERVATIONID" => FuzzJson.String(random.Pick(items.Reservations)),
        "REASON" => FuzzJson.String(random.Pick(["damaged", "found on shelf", "Inventur \u00E9cart"])),
        "SCANNERID" => FuzzJson.String(random.Pick(["dock-1", "scanner 7", "h\u00E4ndler-3"])),
        "OCCURREDAT" => FuzzJson.String(random.Pick(["2026-01-31T12:00:00Z", "2026-01-31T12:00:00.123+01:00"])),
        "REORDERPOINT" => FuzzJson.Raw(Whole(0, 30)),
        _ => FromSchema(schema),
    };

    /// <summary>An object with every required member and some optional ones, each valid.</summary>
    public FuzzJson Object(JsonObject schema)
    {
        var required = schema["required"]?.AsArray().Select(r => (string?)r).ToHashSet(StringComparer.Ordinal) ?? [];
        var members = (schema["properties"]?.AsObject() ?? [])
            .Where(p => required.Contains(p.Key) || random.Chance(0.4))
            .Select(p => KeyValuePair.Create(p.Key, Member(p.Key, p.Value?.AsObject() ?? [])));
        var value = FuzzJson.Object(members);
        MovementShape.Fit(value, schema, this, random);
        return value;
    }

    private FuzzJson FromSchema(JsonObject schema)
    {
        var types = Types(schema);
        if (types.Contains("array"))
        {
            var itemSchema = schema["items"]?.AsObject() ?? [];
            return FuzzJson.Array(Enumerable.Range(0, random.Int(1, 4)).Select(_ => FromSchema(itemSchema)));
        }

        return types.Contains("object") || schema["properties"] is not null ? Object(schema) : Scalar(schema);
    }

    private FuzzJson Scalar(JsonObject schema)
    {
        var types = Types(schema);
        return (string?)schema["format"] switch
        {
            "uuid" => FuzzJson.String(random.Guid().ToString()),
            "date-time" => FuzzJson.String("2026-01-31T12:00:00Z"),
            _ when types.Contains("integer") => FuzzJson.Raw(Whole(0, 100)),
            _ when types.Contains("number") => FuzzJson.Raw("1.5"),
            _ when types.Contains("boolean") => FuzzJson.Raw(random.Chance(0.5) ? "true" : "false"),
            _ => FuzzJson.String(random.Alphanumeric(random.Int(1, 12))),
        };
    }

    private string Whole(int minInclusive, int maxExclusive) => random.Int(minInclusive, maxExclusive).ToString(CultureInfo.InvariantCulture);

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray array => [.. array.Select(t => (string?)t ?? "")],
        JsonValue value => [(string?)value ?? ""],
        _ => [],
    };
}
