using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inventory.Api.Tests;

/// <summary>Small helpers to send JSON and read answers.</summary>
public static class Http
{
    public static HttpClient WithKey<T>(this WebApplicationFactory<T> factory, string? key)
        where T : class
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.SendRawAsync(HttpMethod.Post, url, Encoding.UTF8.GetBytes(Json(body)));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.SendRawAsync(HttpMethod.Put, url, Encoding.UTF8.GetBytes(Json(body)));

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, byte[] body,
        string? contentType = "application/json", bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        return client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts a problem response: status, media type, code; and that nothing internal leaks.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        return problem;
    }

    public static object Movement(TestItem item, string type, int? quantity = null, Guid? movementId = null,
        string? reservationId = null, string? reason = null) => new Dictionary<string, object?>
        {
            ["movementId"] = movementId ?? Guid.NewGuid(),
            ["warehouseId"] = item.WarehouseId,
            ["sku"] = item.Sku,
            ["type"] = type,
            ["quantity"] = quantity,
            ["reservationId"] = reservationId,
            ["reason"] = reason,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
}
