using System.Globalization;

namespace Inventory.Benchmark;

/// <summary>Settings of the read-side run (<c>--read-side</c>); see the usage line in Program.cs.</summary>
internal sealed record ReadSideOptions(
    string ConnectionString,
    double Rate,
    int Seconds,
    int Items,
    int Warehouses,
    double Skew,
    int SampleEvery,
    double CrashRate,
    bool Freshness,
    bool Crash)
{
    public static ReadSideOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("INVENTORY_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Give a PostgreSQL connection: --connection \"Host=...\" or INVENTORY_BENCH_POSTGRES (./build/bench.sh provisions a throwaway one).");
        var only = Value("--only");
        if (only is not (null or "freshness" or "crash"))
        {
            throw new ArgumentException($"--only takes 'freshness' or 'crash', not '{only}'.");
        }

        return new ReadSideOptions(
            connection,
            double.Parse(Value("--rate") ?? "500", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture),
            int.Parse(Value("--items") ?? "2000", CultureInfo.InvariantCulture),
            int.Parse(Value("--warehouses") ?? "10", CultureInfo.InvariantCulture),
            double.Parse(Value("--skew") ?? "1.0", CultureInfo.InvariantCulture),
            int.Parse(Value("--sample") ?? "10", CultureInfo.InvariantCulture),
            double.Parse(Value("--crash-rate") ?? "400", CultureInfo.InvariantCulture),
            only is null or "freshness",
            only is null or "crash");
    }
}
