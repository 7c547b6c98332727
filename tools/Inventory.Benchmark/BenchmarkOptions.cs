namespace Inventory.Benchmark;

internal sealed record BenchmarkOptions(string ConnectionString, int Seconds, int Items, double Skew, int MemoryItems, int WarmUpSeconds, int Rounds, bool ProjectionsLive, double? OpenRate, bool Allocations, bool CpuByProcess, bool CheckpointInPhase)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("INVENTORY_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Give a PostgreSQL connection: --connection \"Host=...\" or INVENTORY_BENCH_POSTGRES (./build/bench.sh provisions a throwaway one).");
        return new BenchmarkOptions(
            connection,
            int.Parse(Value("--seconds") ?? "10"),
            int.Parse(Value("--items") ?? "10000"),
            double.Parse(Value("--skew") ?? "1.0", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--memory-items") ?? "20000"),
            int.Parse(Value("--warm-up") ?? "120"),
            int.Parse(Value("--rounds") ?? "3"),
            (Value("--projections") ?? "live") switch
            {
                "live" => true,
                "idle" => false,
                var other => throw new ArgumentException($"--projections is live or idle, not '{other}'."),
            },
            Value("--open-rate") is { } rate ? double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) : null,
            args.Contains("--allocations"),
            args.Contains("--cpu-by-process"),
            args.Contains("--checkpoint-in-phase"));
    }
}
