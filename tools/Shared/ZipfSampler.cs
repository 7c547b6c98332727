namespace Inventory.Tools;

/// <summary>Draws item indexes 0..n-1 with Zipf(s) popularity: a few hot SKUs, a long tail (s = 0: uniform).</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double s)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, s);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return index >= 0 ? index : Math.Min(~index, _cumulative.Length - 1);
    }
}
