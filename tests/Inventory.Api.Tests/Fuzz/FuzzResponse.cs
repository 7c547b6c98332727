namespace Inventory.Api.Tests.Fuzz;

/// <summary>What the API answered: status, media type, and the body (null for a stream that was not read).</summary>
internal sealed record FuzzResponse(int Status, string? MediaType, string? Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string Describe(int maxBody = 1_000) =>
        $"  answer: {Status} {MediaType ?? "no content type"}: {(Body is null ? "(stream not read)" : Body.Length > maxBody ? Body[..maxBody] + "..." : Body)}";
}
