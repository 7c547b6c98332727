namespace Inventory.Benchmark;

/// <summary>Settings of the write-side benchmark; parsed and checked by <see cref="BenchmarkCommand"/>.</summary>
internal sealed record WriteSideOptions(
    string ConnectionString,
    bool Diagnose,
    int Seconds,
    int Items,
    double Skew,
    int MemoryItems,
    int WarmUpSeconds,
    int Rounds,
    bool ProjectionsLive,
    double? OpenRate,
    bool CheckpointInPhase);
