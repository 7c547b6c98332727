namespace Inventory.Benchmark;

/// <summary>Settings of the read-side benchmark (<c>read-side</c>); parsed and checked by <see cref="BenchmarkCommand"/>.</summary>
internal sealed record ReadSideOptions(
    string ConnectionString,
    bool Diagnose,
    double Rate,
    int Seconds,
    int Items,
    int Warehouses,
    double Skew,
    int SampleEvery,
    double CrashRate,
    double CatchUpRate,
    int CatchUpSeconds,
    int CatchUpRounds,
    bool Freshness,
    bool Crash,
    bool CatchUpCost);
