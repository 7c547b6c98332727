using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>The body of a request: none for an operation without one (now and then an unexpected one); else a valid
/// object from the schema, with one member mutated, its text broken, its content type wrong, left out, or padded
/// over 64 KiB, as the request's target says; in chaos, several members mutated.</summary>
internal sealed class FuzzBodyFactory(FuzzRandom random, ValidValues valid)
{
    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "application/xml",
        "multipart/form-data; boundary=x", "application/vnd.inventory+json", "APPLICATION/JSON", "application/json;charset=UTF-8",
        "application/problem+json", "json", "*/*", "application/json; charset=utf-16", "", "application/json; x=\u00E9",
    ];

    /// <summary>The body, its content type and whether it goes chunked (without a length); adds what it did to <paramref name="mutations"/>.</summary>
    public (byte[]? Body, string? ContentType, bool Chunked) Create(FuzzOperation operation, FuzzTarget target, bool chaos, List<string> mutations)
    {
        var chunked = random.Chance(0.05);
        if (operation.BodySchema is null)
        {
            if (target.Kind != FuzzTargetKind.Noise || mutations.Contains("extra query parameter"))
            {
                return (null, null, false);
            }

            mutations.Add("unexpected body");
            return (Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json", chunked);
        }

        var json = valid.Object(operation.BodySchema);
        var contentType = operation.BodyMediaTypes.Count > 0 ? operation.BodyMediaTypes[0] : "application/json";
        if (chaos)
        {
            for (var i = random.Int(1, 5); i > 0; i--)
            {
                mutations.Add(BodyMutations.Member(json, random));
            }
        }
        else if (target.Kind == FuzzTargetKind.Member)
        {
            mutations.Add(BodyMutations.Member(json, random));
        }
        else if (target.Kind == FuzzTargetKind.Oversize)
        {
            mutations.Add(BodyMutations.Oversize(json, random));
        }

        if (target.Kind == FuzzTargetKind.ContentType || (chaos && random.Chance(0.1)))
        {
            contentType = random.Chance(0.1) ? null : random.Pick(ContentTypes);
            mutations.Add($"content type {contentType ?? "none"}");
        }

        if (target.Kind == FuzzTargetKind.Text || (chaos && random.Chance(0.15)))
        {
            var (bytes, mutation) = BodyMutations.Text(json.ToString(), random);
            mutations.Add(mutation);
            return (bytes, contentType, chunked);
        }

        if (target.Kind == FuzzTargetKind.NoBody)
        {
            mutations.Add("no body");
            return (null, null, false);
        }

        return (Encoding.UTF8.GetBytes(json.ToString()), contentType, chunked);
    }
}
