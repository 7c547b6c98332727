using System.Diagnostics;
using Inventory.LoadGenerator;

// Plays scanners over HTTP against the Inventory API on 127.0.0.1; prints movements/s, latency, statuses, retries.
// Usage: see LoadOptions.Usage (dotnet run -c Release --project tools/Inventory.LoadGenerator -- --help);
// build/load.sh runs the whole end-to-end scenario set against a throwaway PostgreSQL.
LoadOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(LoadOptions.Usage);
        return 0;
    }

    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or UriFormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

// Bounded in time whatever happens: every request has a timeout and a bounded number of attempts; past the
// worst case the process ends itself.
var worstCase = TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds + 30) + (options.Timeout + TimeSpan.FromSeconds(1)) * options.MaxAttempts * 2;
_ = Task.Delay(worstCase).ContinueWith(_ =>
{
    Console.Error.WriteLine($"[{options.Label}] still running after {worstCase.TotalSeconds:N0} s: giving up");
    Environment.Exit(3);
}, TaskScheduler.Default);

var shape = options.Target == LoadTarget.Live
    ? "GET /health/live with the key (baseline)"
    : $"{(options.Batch > 1 ? $"batches of {options.Batch}" : "single movements")}, {options.Items:N0} items over {options.Warehouses} warehouses, Zipf s={options.Skew}, mix {options.Mix}";
var loop = options.Rate is { } rate ? $"open loop at {rate:N0} movements/s" : $"closed loop, {options.Scanners} scanners";
Console.WriteLine($"[{options.Label}] {loop}; {shape}; {options.WarmupSeconds} s warm-up + {options.Seconds} s against {options.Url}");

var source = new MovementSource(options);
using var client = new LoadClient(options, source);

if (options.WarmupSeconds > 0)
{
    await RunPhaseAsync(new LoadStats(), TimeSpan.FromSeconds(options.WarmupSeconds), options.Seed + 1);
}

var stats = new LoadStats();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var (elapsed, open) = await RunPhaseAsync(stats, TimeSpan.FromSeconds(options.Seconds), options.Seed);
var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / elapsed;
stats.Report(options, elapsed, open, cores).Print(Console.Out);
return 0;

async Task<(TimeSpan Elapsed, OpenLoopFigures? Open)> RunPhaseAsync(LoadStats phase, TimeSpan duration, int seed)
{
    if (options.Rate is null)
    {
        return (await ClosedLoop.RunAsync(options, client, source, phase, duration, seed), null);
    }

    var (took, figures) = await OpenLoopPacer.RunAsync(options, client, source, phase, duration, seed);
    return (took, figures);
}
