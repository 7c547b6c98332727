using Inventory.Contracts.Projections;
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
    /// <summary>The details, for <c>--diagnose</c>.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"freshness: writes {Writes}";
        foreach (var (projection, spread) in InSilo)
        {
            yield return $"    in the silo, {projection,-10} {spread}";
        }

        yield return $"    send -> visible           {Visible} ({WaitTimeouts} not visible within 5 s)";
        yield return $"    acknowledged -> visible   {VisibleAfterAck}";
        foreach (var status in Statuses)
        {
            yield return $"    {ReadSideBenchmark.Describe(status)}";
        }
    }
}
