using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>The figures of <see cref="FreshnessBenchmark"/>.</summary>
internal sealed record FreshnessResult(
    LatencySummary Writes,
    Distribution WriteSpread,
    IReadOnlyDictionary<string, Distribution> InSilo,
    Distribution Visible,
    Distribution VisibleAfterAck,
    long WaitTimeouts,
    IReadOnlyList<ProjectionStatus> Statuses)
{
    /// <summary>The worst p99 of the in-silo histogram over the projections.</summary>
    public double InSiloP99 => InSilo.Count == 0 ? double.NaN : InSilo.Values.Max(d => d.P99);

    public bool TargetMet => InSiloP99 < FreshnessBenchmark.TargetP99Millis && Visible.P99 < FreshnessBenchmark.TargetP99Millis && WaitTimeouts == 0;

    public void Print(double rate)
    {
        Console.WriteLine($"writes (baseline)     {Writes}");
        Console.WriteLine($"                      {WriteSpread}");
        foreach (var (projection, spread) in InSilo)
        {
            Console.WriteLine($"freshness in silo     {projection,-10} {spread}   (inventory.projection.freshness: recorded time -> applied)");
        }

        Console.WriteLine($"visible end to end    send -> WaitForAsync true: {Visible}   ({WaitTimeouts} not visible within 5 s)");
        Console.WriteLine($"                      acknowledgement -> visible: {VisibleAfterAck}");
        Console.WriteLine($"ratio p99 freshness / p99 write at {rate:N0}/s: in silo {InSiloP99 / WriteSpread.P99:N2}x, end to end {Visible.P99 / WriteSpread.P99:N2}x");
        foreach (var s in Statuses)
        {
            Console.WriteLine($"projection status     {s.Name,-10} {s.Health,-10} generation {s.Generation}, lag {s.LagEvents:N0} events / {s.LagMilliseconds:N0} ms, checkpoint {s.Checkpoint} head {s.HeadPosition}, {s.Partitions} shards, {s.DeadLetters} dead letters");
        }

        Console.WriteLine($"target p99 < {FreshnessBenchmark.TargetP99Millis} ms at {rate:N0}/s: {(TargetMet ? "met" : "NOT met")} (in silo worst p99 {InSiloP99:N1} ms, end to end p99 {Visible.P99:N1} ms)");
    }
}
