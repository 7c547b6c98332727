namespace Inventory.Api.Tests.Fuzz;

/// <summary>
/// Makes the requests of a run from the operations' parameters and body schemas. A request is one of: valid (every
/// value valid, a key the operation takes); valid but for one mutation (one parameter, one body member, the body's
/// text, its content type, the key, or noise: an extra query parameter or an unexpected body) so that it gets deep
/// into validation; or chaos (every value picked among valid, hostile and missing).
/// </summary>
internal sealed class FuzzRequestFactory(FuzzRandom random, ValidValues valid, IReadOnlyDictionary<FuzzOperation, IReadOnlyList<FuzzKey>> allowedKeys)
{
    private const int MaxParameterLength = 4_000;

    private readonly FuzzBodyFactory _bodies = new(random, valid);

    public FuzzRequest Create(int index, FuzzOperation operation)
    {
        var roll = random.Int(0, 100);
        return roll switch
        {
            < 15 => Build(index, operation, FuzzTarget.None, chaos: false),
            < 65 => Build(index, operation, PickTarget(operation), chaos: false),
            _ => Build(index, operation, FuzzTarget.None, chaos: true),
        };
    }

    /// <summary>A request with every value valid, sent with <paramref name="key"/>: learns which keys an operation takes.</summary>
    public FuzzRequest Probe(int index, FuzzOperation operation, FuzzKey key) =>
        Build(index, operation, FuzzTarget.None, chaos: false, key, withBody: false) with { Mutation = "probe" };

    private FuzzRequest Build(int index, FuzzOperation operation, FuzzTarget target, bool chaos, FuzzKey? key = null, bool withBody = true)
    {
        var mutations = new List<string>();
        key ??= target.Kind == FuzzTargetKind.Key ? random.Pick(WrongKeys(operation)) : random.Pick(Allowed(operation));
        if (target.Kind == FuzzTargetKind.Key)
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

        if (target.Kind == FuzzTargetKind.Noise ? operation.BodySchema is not null || random.Chance(0.5) : random.Chance(0.02))
        {
            query.Add($"{random.Pick(["colour", "x", "", "%FF", "limit[]"])}={UrlText.Encode(random.Pick(["1", "", "\u00E9"]))}");
            mutations.Add("extra query parameter");
        }

        var full = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        var (body, contentType, chunked) = withBody ? _bodies.Create(operation, target, chaos, mutations) : (null, null, false);
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

    private FuzzTarget PickTarget(FuzzOperation operation)
    {
        var targets = new List<FuzzTarget> { new(FuzzTargetKind.Key), new(FuzzTargetKind.Noise) };
        targets.AddRange(operation.Parameters.Where(p => p.In is "path" or "query").SelectMany(p => Enumerable.Repeat(new FuzzTarget(FuzzTargetKind.Parameter, p), 2)));
        if (operation.BodySchema is not null)
        {
            targets.AddRange(Enumerable.Repeat(new FuzzTarget(FuzzTargetKind.Member), 8));
            targets.AddRange([new(FuzzTargetKind.Text), new(FuzzTargetKind.Text), new(FuzzTargetKind.ContentType), new(FuzzTargetKind.NoBody)]);
            if (random.Chance(0.3))
            {
                targets.Add(new(FuzzTargetKind.Oversize));
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
}
