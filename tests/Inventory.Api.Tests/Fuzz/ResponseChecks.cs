using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>What the API promises of every answer: never a 5xx; every other non-2xx an RFC 9457 problem
/// (<c>application/problem+json</c>) with its status and a stable <c>code</c>, and no exception text; a JSON 2xx body
/// that parses.</summary>
internal static class ResponseChecks
{
    public static IEnumerable<string> Check(FuzzResponse response)
    {
        if (response.Status >= 500)
        {
            yield return $"server error {response.Status}";
        }

        if (response.IsSuccess)
        {
            if (response.MediaType == "application/json" && Parse(response.Body) is null)
            {
                yield return "a 2xx JSON body that does not parse";
            }

            yield break;
        }

        if (response.MediaType != "application/problem+json")
        {
            yield return $"a {response.Status} that is not application/problem+json";
        }

        if (Parse(response.Body) is not JsonObject problem)
        {
            yield return "a problem body that is not a JSON object";
            yield break;
        }

        if (problem["code"] is not JsonValue code || code.GetValueKind() != JsonValueKind.String || string.IsNullOrEmpty((string?)code))
        {
            yield return "a problem without a code";
        }

        if (problem["status"] is not JsonValue status || status.GetValueKind() != JsonValueKind.Number || (int)status != response.Status)
        {
            yield return $"a problem whose status member is not {response.Status}";
        }

        if (response.Body!.Contains("   at ", StringComparison.Ordinal) || response.Body.Contains("Exception", StringComparison.Ordinal))
        {
            yield return "a problem that shows exception text";
        }
    }

    private static JsonNode? Parse(string? body)
    {
        try
        {
            return body is null ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
