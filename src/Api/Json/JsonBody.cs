using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Json;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem that tells the caller why it was not.</summary>
public readonly record struct JsonBody<T>(T? Value, ProblemHttpResult? Problem)
    where T : class
{
    /// <summary>Reads and deserializes the body with <see cref="ApiJson.Requests"/>; see <see cref="JsonBodyReader"/>.</summary>
    public static async Task<JsonBody<T>> ReadAsync(HttpRequest request)
    {
        var (bytes, problem) = await JsonBodyReader.ReadBytesAsync(request);
        if (problem is not null)
        {
            return new(null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Span, ApiJson.Requests);
            return value is null
                ? new(null, JsonBodyReader.InvalidJson("The body must be a JSON object, not null."))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            // The serializer's message names CLR types: only the JSON path goes out.
            var where = string.IsNullOrEmpty(ex.Path) ? "" : $" at {ex.Path}";
            return new(null, JsonBodyReader.InvalidJson($"The body is not valid JSON for this request{where}: check member names, types, required members and number ranges."));
        }
    }
}
