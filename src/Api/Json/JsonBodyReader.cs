using System.Text.Unicode;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Inventory.Api.Json;

/// <summary>Reads a request body under the API's limits: JSON content type (415), at most 64 KiB (413), valid UTF-8 (400).</summary>
public static class JsonBodyReader
{
    public static async Task<(ReadOnlyMemory<byte> Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return (default, ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                "The body must be JSON.", "Send Content-Type: application/json (UTF-8)."));
        }

        const int max = InventoryApiOptions.MaxRequestBodyBytes;
        if (request.ContentLength > max)
        {
            return (default, TooLarge());
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return (default, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge());
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            return (default, InvalidJson("The body is not valid UTF-8."));
        }

        return (bytes, null);
    }

    public static ProblemHttpResult InvalidJson(string detail) =>
        ApiProblems.Result(StatusCodes.Status400BadRequest, ProblemCodes.InvalidJson, "The body is not valid JSON for this request.", detail);

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The body is too large.",
            $"At most {InventoryApiOptions.MaxRequestBodyBytes} bytes are accepted.");

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var charsetOk = !media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return charsetOk && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));
    }
}
