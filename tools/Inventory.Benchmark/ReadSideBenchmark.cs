namespace Inventory.Benchmark;

/// <summary>The read-side consistency SLA run (<c>--read-side</c>): freshness at a steady rate, then the bound after a
/// crash; prints both and a table against the targets.</summary>
internal static class ReadSideBenchmark
{
    public static async Task RunAsync(ReadSideOptions options)
    {
        Console.WriteLine($"Inventory read-side benchmark: {CpuUse.MachineCores} cores, load average {LoadAverage()}");
        FreshnessResult? freshness = null;
        CrashResult? crash = null;
        if (options.Freshness)
        {
            Console.WriteLine();
            Console.WriteLine("== 1. freshness at a steady rate (one in-process silo on PostgreSQL)");
            freshness = await FreshnessBenchmark.RunAsync(options);
        }

        if (options.Crash)
        {
            Console.WriteLine();
            Console.WriteLine("== 2. bound after a crash (two silo processes on PostgreSQL, SIGKILL of one)");
            crash = await CrashBenchmark.RunAsync(options);
        }

        Console.WriteLine();
        Console.WriteLine("| figure | measured | target | met |");
        Console.WriteLine("|---|---|---|---|");
        if (freshness is not null)
        {
            foreach (var (projection, spread) in freshness.InSilo)
            {
                Console.WriteLine($"| freshness p99 in silo, {projection}, at {options.Rate:N0}/s | {spread.P99:N1} ms (p50 {spread.P50:N1}, p90 {spread.P90:N1}, max {spread.Max:N1}) | < {FreshnessBenchmark.TargetP99Millis} ms | {(spread.P99 < FreshnessBenchmark.TargetP99Millis ? "yes" : "NO")} |");
            }

            var visible = freshness.Visible;
            Console.WriteLine($"| send -> visible in both views p99 (WaitForAsync, 1 in {options.SampleEvery}) | {visible.P99:N1} ms (p50 {visible.P50:N1}, p90 {visible.P90:N1}, max {visible.Max:N1}; {freshness.WaitTimeouts} not within 5 s) | < {FreshnessBenchmark.TargetP99Millis} ms | {(visible.P99 < FreshnessBenchmark.TargetP99Millis && freshness.WaitTimeouts == 0 ? "yes" : "NO")} |");
            Console.WriteLine($"| p99 send -> visible vs p99 write latency (baseline, same run) | {visible.P99:N1} / {freshness.WriteSpread.P99:N1} ms = {visible.P99 / freshness.WriteSpread.P99:N2}x | (info) | |");
        }

        if (crash is not null)
        {
            Console.WriteLine($"| takeover: kill -> killed silo declared Dead | {crash.TakeoverMillis:N0} ms | (info) | |");
            Console.WriteLine($"| kill -> every item of the killed silo answered again (each its first acknowledged movement after the kill) | {crash.LastItemBackMillis:N0} ms (the first: {crash.FirstAckMillis:N0} ms; last failed call: {crash.LastFailureMillis:N0} ms, calls in flight time out after 5 s) | < {CrashResult.TakeoverTargetMillis:N0} ms | {(crash.LastItemBackMillis < CrashResult.TakeoverTargetMillis ? "yes" : "NO")} |");
            Console.WriteLine($"| live silos declared dead: under full load ({crash.FullLoad.PerSecond:N0} movements/s, 64 callers, 20 s) and after the kill | {crash.FalseDeaths} | 0 | {(crash.FalseDeaths == 0 ? "yes" : "NO")} |");
            Console.WriteLine($"| views complete after the takeover | {crash.CompleteAfterTakeoverMillis:N0} ms | < {CrashResult.TargetMillis:N0} ms | {(crash.TargetMet ? "yes" : "NO")} |");
            Console.WriteLine($"| views complete after the first acknowledged movement of an item of the killed silo | {crash.CompleteAfterFirstAckMillis:N0} ms | (< {CrashResult.TargetMillis:N0} ms) | {(crash.CompleteAfterFirstAckMillis < CrashResult.TargetMillis ? "yes" : "NO")} |");
            Console.WriteLine($"| views complete after the kill | {crash.TakeoverMillis + crash.CompleteAfterTakeoverMillis:N0} ms | (info) | |");
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
