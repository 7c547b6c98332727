using System.Text.Json;
using System.Text.Json.Serialization;
using Inventory.Api.Hosting;

namespace Inventory.Api.Json;

/// <summary>The strict JSON settings of request bodies: exact camelCase names, no unknown members, no duplicate
/// members, no numbers in strings, required members present and non-null, nesting at most 16 deep.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Requests { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = InventoryApiOptions.MaxJsonDepth,
    };
}
