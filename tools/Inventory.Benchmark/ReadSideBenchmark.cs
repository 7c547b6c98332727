using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>The read side's consistency SLA (<c>read-side</c>): freshness at a steady rate, then the bound after a crash;
/// then what the projections' catch-up costs the database server; one results table.</summary>
internal static class ReadSideBenchmark
{
    public static async Task<int> RunAsync(ReadSideOptions options)
    {
        var parts = new List<string>();
        if (options.Freshness)
        {
            parts.Add($"freshness at {options.Rate:N0}/s for {options.Seconds} s in one in-process silo");
        }

        if (options.Crash)
        {
            parts.Add($"a SIGKILLed silo of two processes at {options.CrashRate:N0}/s");
        }

        if (options.CatchUpCost)
        {
            parts.Add($"the database server's CPU per movement at {options.CatchUpRate:N0}/s, catch-up reading entries first or every event whole ({options.CatchUpRounds} rounds of {options.CatchUpSeconds} s of each)");
        }

        Console.WriteLine($"Inventory read-side benchmark: {ProcessCounters.MachineCores} cores (load average {Progress.LoadAverage()}), {options.Items:N0} items (Zipf s={options.Skew}); {string.Join("; ", parts)}");
        var freshness = options.Freshness ? await FreshnessBenchmark.RunAsync(options) : null;
        var crash = options.Crash ? await CrashBenchmark.RunAsync(options) : null;
        var catchUp = options.CatchUpCost ? await CatchUpCostBenchmark.RunAsync(options) : null;

        var table = new ResultsTable();
        if (freshness is not null)
        {
            var write = freshness.WriteSpread.P99;
            foreach (var (projection, spread) in freshness.InSilo)
            {
                table.Add($"freshness p99 in the silo, {projection}", Precise(spread.P99), Precise(write), spread.P99 / write,
                    $"< {FreshnessBenchmark.TargetP99Millis:N0} ms", spread.P99 < FreshnessBenchmark.TargetP99Millis);
            }

            var timeouts = freshness.WaitTimeouts == 0 ? "" : $"; {freshness.WaitTimeouts} not within 5 s";
            table.Add($"send -> visible in both views, p99 (1 in {options.SampleEvery}{timeouts})", Precise(freshness.Visible.P99), Precise(write), freshness.Visible.P99 / write,
                $"< {FreshnessBenchmark.TargetP99Millis:N0} ms", freshness.Visible.P99 < FreshnessBenchmark.TargetP99Millis && freshness.WaitTimeouts == 0);
        }

        if (crash is not null)
        {
            table.Add("crash: kill -> every item of the killed silo answered again", Millis(crash.LastItemBackMillis), "", double.NaN,
                $"< {CrashResult.TakeoverTargetMillis:N0} ms", crash.LastItemBackMillis < CrashResult.TakeoverTargetMillis);
            table.Add("crash: takeover -> every view complete", Millis(crash.CompleteAfterTakeoverMillis), "", double.NaN,
                $"< {CrashResult.TargetMillis:N0} ms", crash.TargetMet);
            table.Add($"crash: live silos declared dead ({crash.FullLoad.PerSecond:N0} movements/s by 64 callers, then the kill)", $"{crash.FalseDeaths}", "", double.NaN, "0", crash.FalseDeaths == 0);
            table.Add("crash: kill -> killed silo declared dead (the takeover)", Millis(crash.TakeoverMillis), "", double.NaN, "", null);
        }

        if (catchUp is not null)
        {
            var (before, after) = (catchUp.WholeServerMillis, catchUp.EntriesFirstServerMillis);
            table.Add($"DB server CPU per movement, read side live, catch-up reads entries first (median of {catchUp.EntriesFirst.Count} rounds)", PerMovement(after), PerMovement(before),
                after / before, "< 1x", double.IsFinite(after / before) ? after < before : null);
            table.Add("events catch-up read whole from the log per movement (every projection), entries first", $"{catchUp.EntriesFirstPayloads:N2}",
                $"{catchUp.WholePayloads:N2}", catchUp.EntriesFirstPayloads / catchUp.WholePayloads, "", null);
            table.Add("DB server CPU per movement, read side idle (the write path's share)", PerMovement(catchUp.Idle.ServerMillisPerMovement), "", double.NaN, "", null);
            table.Add("this process's CPU per movement (silo and load), catch-up reads entries first", PerMovement(catchUp.EntriesFirstProcessMillis),
                PerMovement(catchUp.WholeProcessMillis), catchUp.EntriesFirstProcessMillis / catchUp.WholeProcessMillis, "", null);
        }

        foreach (var line in (freshness?.Describe() ?? []).Concat(crash?.Describe() ?? []).Concat(catchUp?.Describe() ?? []).Where(_ => options.Diagnose))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        table.Print(Console.Out);
        if (freshness is not null)
        {
            Console.WriteLine($"baseline: the p99 write latency of the same movements ({freshness.Writes.PerSecond:N0}/s, open loop).");
        }

        if (crash is not null)
        {
            Console.WriteLine(crash.Summary);
        }

        if (catchUp is not null)
        {
            Console.WriteLine($"baseline of the catch-up rows: the same load with catch-up reading every event whole ({ProjectionOptions.Section}:{nameof(ProjectionOptions.CatchUpReadsEntriesFirst)} "
                + $"false); {options.CatchUpSeconds} s at {options.CatchUpRate:N0}/s after a {CatchUpCostBenchmark.WarmUp.TotalSeconds:N0} s warm-up, one silo and a fresh database a round.");
            Console.WriteLine(catchUp.Summary);
        }

        return 0;
    }

    /// <summary>A projection's status in one line.</summary>
    public static string Describe(ProjectionStatus s) =>
        $"projection {s.Name}: {s.Health}, generation {s.Generation}, lag {s.LagEvents:N0} events / {s.LagMilliseconds:N0} ms, checkpoint {s.Checkpoint} of head {s.HeadPosition}, {s.Partitions} shards, {s.DeadLetters} dead letters";

    private static string Precise(double millis) => $"{millis:N1} ms";

    private static string Millis(double millis) => $"{millis:N0} ms";

    private static string PerMovement(double millis) => double.IsNaN(millis) ? "n/a" : $"{millis:N3} ms";
}
