namespace Inventory.LoadGenerator;

/// <summary>p50/p90/p99/max of a set of millisecond figures (nearest-rank percentiles).</summary>
internal sealed record Distribution(int Count, double P50, double P90, double P99, double Max)
{
    public static Distribution Of(double[] millis)
    {
        var sorted = (double[])millis.Clone();
        Array.Sort(sorted);
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Distribution(sorted.Length, At(0.50), At(0.90), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public override string ToString() =>
        Count == 0 ? "no samples" : $"p50 {P50:N1} ms  p90 {P90:N1} ms  p99 {P99:N1} ms  max {Max:N1} ms  ({Count:N0} requests)";
}
