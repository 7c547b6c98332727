using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>Reads every operation out of an OpenAPI 3.x document (plain JSON), resolving local <c>$ref</c>s.</summary>
internal static class OpenApiOperations
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<FuzzOperation> Read(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in root["paths"]?.AsObject() ?? [])
        {
            var pathItem = Resolve(root, item!.AsObject());
            var shared = pathItem["parameters"]?.AsArray() ?? [];
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JsonObject operation)
                {
                    continue;
                }

                var parameters = shared.Concat(operation["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(root, p!.AsObject()))
                    .Select(p => new FuzzParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false,
                        Resolve(root, p["schema"]?.AsObject() ?? [])))
                    .ToList();
                var content = operation["requestBody"] is JsonObject body ? Resolve(root, body)["content"]?.AsObject() : null;
                var schema = content?.Select(c => c.Value?["schema"]).OfType<JsonObject>().FirstOrDefault();
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), path, (string?)operation["operationId"], parameters,
                    schema is null ? null : Resolve(root, schema), [.. content?.Select(c => c.Key) ?? []])
                {
                    IsStreaming = operation["responses"]?["200"]?["content"]?["text/event-stream"] is not null,
                });
            }
        }

        return operations;
    }

    /// <summary>A copy of <paramref name="node"/> with every <c>#/...</c> reference replaced by what it points to
    /// (a reference met again on its own path, a recursive schema, is left as an empty schema).</summary>
    private static JsonObject Resolve(JsonObject root, JsonObject node, ImmutableHashSet<string>? seen = null)
    {
        seen ??= [];
        if ((string?)node["$ref"] is { } reference)
        {
            if (seen.Contains(reference))
            {
                return [];
            }

            var target = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate<string, JsonNode?>(root, (current, part) => current?[part.Replace("~1", "/").Replace("~0", "~")]);
            return Resolve(root, target?.AsObject() ?? [], seen.Add(reference));
        }

        var copy = new JsonObject();
        foreach (var (name, value) in node)
        {
            copy[name] = value switch
            {
                JsonObject child => Resolve(root, child, seen),
                JsonArray array => new JsonArray([.. array.Select(e => e is JsonObject o ? Resolve(root, o, seen) : e?.DeepClone())]),
                _ => value?.DeepClone(),
            };
        }

        return copy;
    }
}
