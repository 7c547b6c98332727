using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>One generated request, and what was done to it.</summary>
internal sealed record FuzzRequest(
    int Index,
    FuzzOperation Operation,
    string Url,
    FuzzKey Key,
    byte[]? Body,
    string? ContentType,
    bool Chunked,
    string Mutation)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Key.Value is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", Key.Value);
        }

        if (Body is not null)
        {
            message.Content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            if (Chunked)
            {
                message.Content.Headers.ContentLength = null;
            }
        }

        return message;
    }

    public string Describe(int maxBody = 1_000)
    {
        var text = new StringBuilder()
            .Append($"#{Index} {Operation.Method} {(Url.Length > 2_000 ? Url[..2_000] + "..." : Url)}").AppendLine()
            .Append($"  operation: {Operation.Name}; key: {Key.Label}; mutation: {Mutation}").AppendLine();
        if (Body is not null)
        {
            var body = Encoding.UTF8.GetString(Body);
            text.Append($"  body ({Body.Length} bytes, {ContentType ?? "no content type"}{(Chunked ? ", chunked" : "")}): ")
                .Append(body.Length > maxBody ? body[..maxBody] + "..." : body).AppendLine();
        }

        return text.ToString();
    }
}
