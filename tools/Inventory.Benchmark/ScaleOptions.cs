namespace Inventory.Benchmark;

/// <summary>The scale phase's settings (see <see cref="BenchmarkCommand"/>): a ledger of <paramref name="Events"/> events
/// over <paramref name="Items"/> items, loaded in two steps, the first of <paramref name="BaseEvents"/> (the rebuild's
/// baseline size).</summary>
internal sealed record ScaleOptions(
    string ConnectionString, long Events, int Items, long BaseEvents, double Skew, int Seconds, int WarmUpSeconds, int LoadItems);
