namespace Inventory.Benchmark;

/// <summary>Settings of the tracing benchmark (<c>tracing</c>); parsed and checked by <see cref="BenchmarkCommand"/>.</summary>
internal sealed record TracingOptions(
    string ConnectionString,
    int Seconds,
    int Rounds,
    int Callers,
    int Items,
    double Skew,
    int WarmUpSeconds);
