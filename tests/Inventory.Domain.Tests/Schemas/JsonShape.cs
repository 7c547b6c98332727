using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>
/// The JSON shape of a stored document: each property's JSON name and a short description of its type, e.g.
/// <c>integer (int32)</c>, <c>string (uuid) | null</c>, <c>object of integer (int64)</c>, with <c>, required</c> when it is
/// always there. Taken either from a C# type as System.Text.Json writes it (the type's <see cref="JsonTypeInfo"/>), or from
/// a registered JSON Schema: the schema gate compares the two.
/// </summary>
internal static class JsonShape
{
    /// <summary>How nested objects are written: as the event serializer writes everything (camelCase).</summary>
    private static readonly JsonSerializerOptions NestedOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The shape System.Text.Json writes for <paramref name="type"/> with <paramref name="options"/>.</summary>
    public static IReadOnlyDictionary<string, string> OfType(Type type, JsonSerializerOptions options, bool withRequired = true)
    {
        // A copy, with the reflection resolver the serializer falls back to when it has none: the shared options stay as they are.
        var info = new JsonSerializerOptions(options) { TypeInfoResolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() }.GetTypeInfo(type);
        var nullability = new NullabilityInfoContext();
        var shape = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in info.Properties.Where(p => p.Get is not null))
        {
            var nullable = property.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(property.PropertyType) is not null
                : property.AttributeProvider switch
                {
                    PropertyInfo p => nullability.Create(p).ReadState != NullabilityState.NotNull,
                    FieldInfo f => nullability.Create(f).ReadState != NullabilityState.NotNull,
                    _ => true,
                };
            var alwaysWritten = property.ShouldSerialize is null && options.DefaultIgnoreCondition == System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            shape[property.Name] = Describe(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, type)
                + (nullable ? " | null" : "")
                + (withRequired && alwaysWritten ? ", required" : "");
        }

        return shape;
    }

    /// <summary>The shape a registered schema (an object schema with <c>properties</c>) describes.</summary>
    public static IReadOnlyDictionary<string, string> OfSchema(JsonNode schema, bool withRequired = true)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        var shape = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            shape[name] = Describe(property!) + (withRequired && required.Contains(name) ? ", required" : "");
        }

        return shape;
    }

    private static string Describe(Type type, Type owner)
    {
        if (type == typeof(int))
        {
            return "integer (int32)";
        }

        if (type == typeof(long))
        {
            return "integer (int64)";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(string))
        {
            return "string";
        }

        if (type == typeof(Guid))
        {
            return "string (uuid)";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "string (date-time)";
        }

        var dictionary = type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>)
            || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>));
        if (dictionary && type.GetGenericArguments()[0] == typeof(string))
        {
            return "object of " + Describe(type.GetGenericArguments()[1], owner);
        }

        var list = type.IsArray ? type.GetElementType()
            : type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(List<>)
                || type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) || type.GetGenericTypeDefinition() == typeof(ImmutableList<>)) ? type.GetGenericArguments()[0]
            : null;
        if (list is not null)
        {
            return "array of " + Describe(list, owner);
        }

        if (type.IsClass && type.Namespace?.StartsWith("Inventory.", StringComparison.Ordinal) == true)
        {
            // A record of the project's, written as a nested object (a transfer's lines).
            return "object {" + string.Join("; ", OfType(type, NestedOptions).Select(p => $"{p.Key}: {p.Value}")) + "}";
        }

        throw new NotSupportedException(
            $"{owner.Name} has a property of type {type.Name}, which JsonShape cannot describe yet: teach it (tests/Inventory.Domain.Tests/Schemas/JsonShape.cs) how System.Text.Json writes it.");
    }

    private static string Describe(JsonNode property)
    {
        var types = property["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => ["any"],
        };
        var nullable = types.Remove("null");
        var described = string.Join(" | ", types.Select(t => t switch
        {
            "integer" => property["maximum"]?.GetValue<decimal>() switch
            {
                int.MaxValue => "integer (int32)",
                long.MaxValue => "integer (int64)",
                _ => "integer",
            },
            "string" when property["format"] is { } format => $"string ({format.GetValue<string>()})",
            "object" when property["additionalProperties"] is JsonObject values => "object of " + Describe(values),
            "object" when property["properties"] is not null => "object {" + string.Join("; ", OfSchema(property).Select(p => $"{p.Key}: {p.Value}")) + "}",
            "array" when property["items"] is { } items => "array of " + Describe(items),
            _ => t,
        }));
        return described + (nullable ? " | null" : "");
    }
}
