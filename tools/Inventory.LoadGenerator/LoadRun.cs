using System.Diagnostics;

namespace Inventory.LoadGenerator;

/// <summary>One run: an unmeasured warm-up, then the measured phase, then its report.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellation)
    {
        // Bounded in time whatever happens: every request has a timeout and a bounded number of attempts; past the
        // worst case the process ends itself.
        var worstCase = TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds + 30) + ((options.Timeout + TimeSpan.FromSeconds(1)) * options.MaxAttempts * 2);
        _ = Task.Delay(worstCase, cancellation).ContinueWith(_ =>
        {
            Console.Error.WriteLine($"[{options.Label}] still running after {worstCase.TotalSeconds:N0} s: giving up");
            Environment.Exit(3);
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

        var shape = options.Target == LoadTarget.Live
            ? "GET /health/live with the key (baseline)"
            : $"{(options.Batch > 1 ? $"batches of {options.Batch}" : "single movements")}, {options.Items:N0} items over {options.Warehouses} warehouses, Zipf s={options.Skew}, mix {options.Mix}";
        var loop = options.Rate is { } rate ? $"open loop at {rate:N0} movements/s" : $"closed loop, {options.Scanners} scanners";
        Console.WriteLine($"[{options.Label}] {loop}; {shape}; {options.WarmupSeconds} s warm-up + {options.Seconds} s against {options.Url}");

        var source = new MovementSource(options);
        using var client = new LoadClient(options, source);
        if (options.WarmupSeconds > 0)
        {
            await RunPhaseAsync(options, client, source, new LoadStats(), TimeSpan.FromSeconds(options.WarmupSeconds), options.Seed + 1);
        }

        var stats = new LoadStats();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var (elapsed, open) = await RunPhaseAsync(options, client, source, stats, TimeSpan.FromSeconds(options.Seconds), options.Seed);
        var cores = (Environment.CpuUsage.TotalTime - cpuBefore) / elapsed;
        stats.Report(options, elapsed, open, cores).Print(Console.Out);
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, OpenLoopFigures? Open)> RunPhaseAsync(
        LoadOptions options, LoadClient client, MovementSource source, LoadStats phase, TimeSpan duration, int seed)
    {
        if (options.Rate is null)
        {
            return (await ClosedLoop.RunAsync(options, client, source, phase, duration, seed), null);
        }

        var (took, figures) = await OpenLoopPacer.RunAsync(options, client, source, phase, duration, seed);
        return (took, figures);
    }
}
