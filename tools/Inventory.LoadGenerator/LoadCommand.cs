using System.CommandLine;
using System.Net;

namespace Inventory.LoadGenerator;

/// <summary>The load generator's command line: the options below and nothing else (an unknown or mistyped option,
/// or a value out of range, is refused with exit code 1).</summary>
internal static class LoadCommand
{
    public const string KeyVariable = "INVENTORY_API_KEY";

    public static RootCommand Create()
    {
        var url = new Option<Uri>("--url")
        {
            Description = "API base address, loopback only",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsLoopback(uri))
                {
                    return uri;
                }

                result.AddError($"--url: traffic goes to a loopback address only, and '{text}' is not one.");
                return null;
            },
        };
        var key = new Option<string?>("--key") { Description = $"scanner API key (default: the environment variable {KeyVariable})" };
        var target = CommandLineOptions.OneOf("--target", "movements, or live: GET /health/live with the key (the HTTP stack's own ceiling, a baseline)", "movements", "movements", "live");
        var scanners = CommandLineOptions.Number("--scanners", "closed loop: concurrent scanners, each sends when answered", 64, 1, 4096);
        var rate = CommandLineOptions.OptionalNumber("--rate", "open loop instead: movements/s whatever the answers, latency from the intended send time", 1.0, 100_000.0);
        var seconds = CommandLineOptions.Number("--seconds", "measured duration", 20, 1, 600);
        var warmup = CommandLineOptions.Number("--warmup", "unmeasured warm-up before it, seconds", 5, 0, 60);
        var items = CommandLineOptions.Number("--items", "stock items in all", 10_000, 1, 10_000_000);
        var warehouses = CommandLineOptions.Number("--warehouses", "warehouses the items are spread over", 10, 1, 1_000);
        var skew = CommandLineOptions.Number("--skew", "Zipf exponent of SKU popularity, 0 = uniform", 1.0, 0.0, 10.0);
        var batch = CommandLineOptions.Number("--batch", "movements per request: 1 posts /movements, more post /movements/batch", 1, 1, 500);
        var mix = new Option<MovementMix>("--mix")
        {
            Description = "weights of the movement types",
            DefaultValueFactory = _ => MovementMix.Parse(MovementMix.Default),
            CustomParser = result =>
            {
                try
                {
                    return MovementMix.Parse(result.Tokens[^1].Value);
                }
                catch (ArgumentException ex)
                {
                    result.AddError(ex.Message);
                    return null;
                }
            },
        };
        var timeout = CommandLineOptions.Number("--timeout", "per attempt, milliseconds", 5000, 1, 600_000);
        var attempts = CommandLineOptions.Number("--attempts", "attempts per movement (timeouts, connection errors and 5xx are retried with the same movement id)", 5, 1, 20);
        var maxInFlight = CommandLineOptions.Number("--max-in-flight", "open loop: requests in flight at most; past that a due send is skipped and counted", 5000, 1, 1_000_000);
        var maxMovements = CommandLineOptions.OptionalNumber("--max-movements", "stop after this many movements sent (default: no limit but time)", 1L, 1_000_000_000_000L);
        var label = new Option<string?>("--label") { Description = "names the RESULT line (default: derived from the options)" };
        var seed = CommandLineOptions.Number("--seed", "random seed", 1, 0, int.MaxValue);

        var command = new RootCommand("Plays scanners over HTTP against the Inventory API on 127.0.0.1 and prints movements/s, latency, statuses and retries, "
            + "ending with one RESULT line for scripts. build/load.sh runs the end-to-end scenario set.")
        {
            url, key, target, scanners, rate, seconds, warmup, items, warehouses, skew, batch, mix, timeout, attempts, maxInFlight, maxMovements, label, seed,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(key) is null && Environment.GetEnvironmentVariable(KeyVariable) is not { Length: > 0 })
            {
                result.AddError($"Give a scanner API key: --key KEY or {KeyVariable}.");
            }

            if (result.GetValue(warehouses) > result.GetValue(items))
            {
                result.AddError("--warehouses must not exceed --items.");
            }
        });
        command.SetAction((parsed, cancellation) =>
        {
            var options = new LoadOptions(
                parsed.GetRequiredValue(url),
                parsed.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable)!,
                parsed.GetRequiredValue(target) == "live" ? LoadTarget.Live : LoadTarget.Movements,
                parsed.GetValue(scanners),
                parsed.GetValue(rate),
                parsed.GetValue(seconds),
                parsed.GetValue(warmup),
                parsed.GetValue(items),
                parsed.GetValue(warehouses),
                parsed.GetValue(skew),
                parsed.GetValue(batch),
                parsed.GetRequiredValue(mix),
                TimeSpan.FromMilliseconds(parsed.GetValue(timeout)),
                parsed.GetValue(attempts),
                parsed.GetValue(maxInFlight),
                parsed.GetValue(maxMovements) ?? long.MaxValue,
                "",
                parsed.GetValue(seed));
            return LoadRun.RunAsync(options with { Label = parsed.GetValue(label) ?? options.DefaultLabel() }, cancellation);
        });
        return command;
    }

    private static bool IsLoopback(Uri url) =>
        url.Scheme is "http" or "https"
        && url.IsLoopback
        && (url.Host == "localhost" || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
