using System.Globalization;
using System.Net;

namespace Inventory.LoadGenerator;

/// <summary>What to play: closed loop (<see cref="Scanners"/> loops, each sends when its last request was answered)
/// or open loop (<see cref="Rate"/> movements/s whatever the answers), for <see cref="Seconds"/>, against 127.0.0.1.</summary>
internal sealed record LoadOptions(
    Uri Url,
    string Key,
    LoadTarget Target,
    int Scanners,
    double? Rate,
    int Seconds,
    int WarmupSeconds,
    int Items,
    int Warehouses,
    double Skew,
    int Batch,
    MovementMix Mix,
    TimeSpan Timeout,
    int MaxAttempts,
    int MaxInFlight,
    long MaxMovements,
    string Label,
    int Seed)
{
    public const string KeyVariable = "INVENTORY_API_KEY";
    public const int MaxSeconds = 600;

    public const string Usage = """
        usage: Inventory.LoadGenerator [options]
          --url URL            API base address, loopback only (default http://127.0.0.1:5080)
          --key KEY            scanner API key (default: env INVENTORY_API_KEY)
          --scanners N         closed loop: N concurrent scanners, each sends when answered (default 64)
          --rate R             open loop instead: R movements/s whatever the answers (latency from the intended send time)
          --seconds S          measured duration, at most 600 (default 20)
          --warmup S           unmeasured warm-up before it (default 5)
          --items N            stock items in all (default 10000), spread over --warehouses W (default 10)
          --skew S             Zipf exponent of SKU popularity (default 1.0; 0 = uniform)
          --batch N            post /movements/batch of N movements per request (default 1: /movements)
          --mix LIST           weights of movement types (default receive=45,pick=35,reserve=6,release=6,adjust=4,count=4)
          --timeout MS         per attempt (default 5000); --attempts N attempts per movement (default 5)
          --max-in-flight N    open loop: requests in flight at most, beyond that a send is skipped (default 5000)
          --max-movements N    stop after this many movements sent (default: no limit but time)
          --target live        baseline: GET /health/live with the key instead of movements
          --label NAME         names the RESULT line (default: derived from the options)
          --seed N             random seed (default 1)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            values[args[i]] = args[++i];
        }

        string? Value(string name) => values.Remove(name, out var value) ? value : null;
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double? Double(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        var url = new Uri(Value("--url") ?? "http://127.0.0.1:5080");
        if (!IsLoopback(url))
        {
            throw new ArgumentException($"Traffic goes to 127.0.0.1 only; '{url}' is not a loopback address.");
        }

        var key = Value("--key") ?? Environment.GetEnvironmentVariable(KeyVariable)
            ?? throw new ArgumentException($"Give a scanner API key: --key KEY or {KeyVariable}.");
        var target = (Value("--target") ?? "movements") switch
        {
            "movements" => LoadTarget.Movements,
            "live" => LoadTarget.Live,
            var other => throw new ArgumentException($"--target must be movements or live, not '{other}'."),
        };
        var options = new LoadOptions(
            url,
            key,
            target,
            Int("--scanners", 64),
            Double("--rate"),
            Int("--seconds", 20),
            Int("--warmup", 5),
            Int("--items", 10_000),
            Int("--warehouses", 10),
            Double("--skew") ?? 1.0,
            Int("--batch", 1),
            MovementMix.Parse(Value("--mix") ?? MovementMix.Default),
            TimeSpan.FromMilliseconds(Int("--timeout", 5000)),
            Int("--attempts", 5),
            Int("--max-in-flight", 5000),
            Value("--max-movements") is { } max ? long.Parse(max, CultureInfo.InvariantCulture) : long.MaxValue,
            Value("--label") ?? "",
            Int("--seed", 1));
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys)}.");
        }

        options.Validate();
        return options.Label.Length > 0 ? options : options with { Label = options.DefaultLabel() };
    }

    private void Validate()
    {
        static void Check(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Check(Scanners is >= 1 and <= 4096, "--scanners must be 1..4096.");
        Check(Rate is null or (> 0 and <= 100_000), "--rate must be 1..100000.");
        Check(Seconds is >= 1 and <= MaxSeconds, $"--seconds must be 1..{MaxSeconds}.");
        Check(WarmupSeconds is >= 0 and <= 60, "--warmup must be 0..60.");
        Check(Items >= 1 && Warehouses >= 1 && Warehouses <= Items, "--items >= --warehouses >= 1.");
        Check(Skew >= 0, "--skew must be >= 0.");
        Check(Batch is >= 1 and <= 500, "--batch must be 1..500.");
        Check(Timeout > TimeSpan.Zero, "--timeout must be positive.");
        Check(MaxAttempts is >= 1 and <= 20, "--attempts must be 1..20.");
        Check(MaxInFlight >= 1, "--max-in-flight must be >= 1.");
        Check(MaxMovements >= 1, "--max-movements must be >= 1.");
    }

    private string DefaultLabel() => (Target, Rate) switch
    {
        (LoadTarget.Live, null) => $"live-closed-{Scanners}",
        (LoadTarget.Live, _) => $"live-open-{Rate}",
        (_, null) => Batch > 1 ? $"closed-{Scanners}x{Batch}" : $"closed-{Scanners}",
        _ => Batch > 1 ? $"open-{Rate}x{Batch}" : $"open-{Rate}",
    };

    private static bool IsLoopback(Uri url) =>
        url.Scheme is "http" or "https"
        && (url.IsLoopback && (url.Host == "localhost" || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));
}
