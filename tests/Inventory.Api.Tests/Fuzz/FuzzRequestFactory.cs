using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>
/// Makes the requests of a run from the operations' parameters and body schemas. A request is one of: valid (every
/// value valid, a key the operation takes); valid but for one mutation (one parameter, one body member, the body's
/// text, its content type, the key, or noise: an extra query parameter or an unexpected body) so that it gets deep
/// into validation; or chaos (every value picked among valid,
/// hostile and missing).
/// </summary>
internal sealed class FuzzRequestFactory(FuzzRandom random, ValidValues valid, IReadOnlyDictionary<FuzzOperation, IReadOnlyList<FuzzKey>> allowedKeys)
{
    private const int MaxParameterLength = 4_000;

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "application/xml",
        "multipart/form-data; boundary=x", "application/vnd.inventory+json", "APPLICATION/JSON", "application/json;charset=UTF-8",
        "application/problem+json", "json", "*/*", "application/json; charset=utf-16", "", "application/json; x=\u00E9",
    ];

    public FuzzRequest Create(int index, FuzzOperation operation)
    {
        var roll = random.Int(0, 100);
        return roll switch
        {
            < 15 => Build(index, operation, Target.None, chaos: false),
            < 65 => Build(index, operation, PickTarget(operation), chaos: false),
            _ => Build(index, operation, Target.None, chaos: true),
        };
    }

    /// <summary>A request with every value valid, sent with <paramref name="key"/>: learns which keys an operation takes.</summary>
    public FuzzRequest Probe(int index, FuzzOperation operation, FuzzKey key) =>
        Build(index, operation, Target.None, chaos: false, key, withBody: false) with { Mutation = "probe" };

    private FuzzRequest Build(int index, FuzzOperation operation, Target target, bool chaos, FuzzKey? key = null, bool withBody = true)
    {
        var mutations = new List<string>();
        key ??= target.Kind == TargetKind.Key ? random.Pick(WrongKeys(operation)) : random.Pick(Allowed(operation));
        if (target.Kind == TargetKind.Key)
        {
            mutations.Add($"key {key.Label}");
        }

        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In is "path" or "query"))
        {
            var mutate = chaos ? random.Chance(0.5) : target.Parameter == parameter;
            var value = mutate ? Hostile(parameter, mutations) : UrlText.Encode(valid.Parameter(parameter));
            if (parameter.In == "path")
            {
                // TestServer cannot carry a NUL in the path (it throws; Kestrel answers 400 before the app): none is sent.
                path = path.Replace("{" + parameter.Name + "}", value?.Replace("%00", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
            }
            else if (value is not null && (mutate || parameter.Required || random.Chance(0.5)))
            {
                query.Add($"{UrlText.Encode(parameter.Name)}={value}");
                if (random.Chance(0.03))
                {
                    query.Add($"{UrlText.Encode(parameter.Name)}={UrlText.Encode(valid.Parameter(parameter))}");
                    mutations.Add($"{parameter.Name} twice");
                }
            }
        }

        if (target.Kind == TargetKind.Noise ? operation.BodySchema is not null || random.Chance(0.5) : random.Chance(0.02))
        {
            query.Add($"{random.Pick(["colour", "x", "", "%FF", "limit[]"])}={UrlText.Encode(random.Pick(["1", "", "\u00E9"]))}");
            mutations.Add("extra query parameter");
        }

        var full = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        var (body, contentType, chunked) = withBody ? Body(operation, target, chaos, mutations) : (null, null, false);
        return new FuzzRequest(index, operation, full, key, body, contentType, chunked,
            mutations.Count == 0 ? (chaos ? "chaos, all valid" : "none") : string.Join("; ", mutations));
    }

    /// <summary>A hostile path or query value (already encoded), or null for a missing one.</summary>
    private string? Hostile(FuzzParameter parameter, List<string> mutations)
    {
        if (random.Chance(0.1))
        {
            mutations.Add($"{parameter.Name} missing");
            return null;
        }

        if (random.Chance(0.12))
        {
            var raw = random.Pick(UrlText.RawEscapes);
            mutations.Add($"{parameter.Name} raw '{raw}'");
            return raw;
        }

        var value = NastyValues.String(random);
        value = value.Length > MaxParameterLength ? value[..MaxParameterLength] : value;
        mutations.Add($"{parameter.Name} hostile ({value.Length} chars)");
        return UrlText.Encode(value);
    }

    private (byte[]? Body, string? ContentType, bool Chunked) Body(FuzzOperation operation, Target target, bool chaos, List<string> mutations)
    {
        var chunked = random.Chance(0.05);
        if (operation.BodySchema is null)
        {
            if (target.Kind != TargetKind.Noise || mutations.Contains("extra query parameter"))
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
        else if (target.Kind == TargetKind.Member)
        {
            mutations.Add(BodyMutations.Member(json, random));
        }
        else if (target.Kind == TargetKind.Oversize)
        {
            mutations.Add(BodyMutations.Oversize(json, random));
        }

        if (target.Kind == TargetKind.ContentType || (chaos && random.Chance(0.1)))
        {
            contentType = random.Chance(0.1) ? null : random.Pick(ContentTypes);
            mutations.Add($"content type {contentType ?? "none"}");
        }

        if (target.Kind == TargetKind.Text || (chaos && random.Chance(0.15)))
        {
            var (bytes, mutation) = BodyMutations.Text(json.ToString(), random);
            mutations.Add(mutation);
            return (bytes, contentType, chunked);
        }

        if (target.Kind == TargetKind.NoBody)
        {
            mutations.Add("no body");
            return (null, null, false);
        }

        return (Encoding.UTF8.GetBytes(json.ToString()), contentType, chunked);
    }

    private Target PickTarget(FuzzOperation operation)
    {
        var targets = new List<Target> { new(TargetKind.Key), new(TargetKind.Noise) };
        targets.AddRange(operation.Parameters.Where(p => p.In is "path" or "query").SelectMany(p => Enumerable.Repeat(new Target(TargetKind.Parameter, p), 2)));
        if (operation.BodySchema is not null)
        {
            targets.AddRange(Enumerable.Repeat(new Target(TargetKind.Member), 8));
            targets.AddRange([new(TargetKind.Text), new(TargetKind.Text), new(TargetKind.ContentType), new(TargetKind.NoBody)]);
            if (random.Chance(0.3))
            {
                targets.Add(new(TargetKind.Oversize));
            }
        }

        return random.Pick(targets);
    }

    private IReadOnlyList<FuzzKey> Allowed(FuzzOperation operation) =>
        allowedKeys.TryGetValue(operation, out var keys) && keys.Count > 0 ? keys : [FuzzKey.Operator];

    private List<FuzzKey> WrongKeys(FuzzOperation operation)
    {
        var allowed = Allowed(operation);
        return [.. FuzzKey.Wrong, .. FuzzKey.Roles.Where(r => !allowed.Contains(r))];
    }

    private enum TargetKind
    {
        None,
        Key,
        Noise,
        Parameter,
        Member,
        Text,
        ContentType,
        NoBody,
        Oversize,
    }

    private sealed record Target(TargetKind Kind, FuzzParameter? Parameter = null)
    {
        public static readonly Target None = new(TargetKind.None);
    }
}
