namespace Inventory.Tools;

/// <summary>p50/p90/p99/max of a set of millisecond figures (nearest-rank percentiles).</summary>
internal sealed record Distribution(int Count, double P50, double P90, double P99, double Max)
{
    public static Distribution Of(IEnumerable<double> millis)
    {
        var sorted = millis.ToArray();
        Array.Sort(sorted);
        return new Distribution(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..1) of figures sorted ascending; NaN when empty.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() =>
        Count == 0 ? "no samples" : $"p50 {P50:N1} ms  p90 {P90:N1} ms  p99 {P99:N1} ms  max {Max:N1} ms  ({Count:N0} samples)";
}
