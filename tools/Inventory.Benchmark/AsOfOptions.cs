namespace Inventory.Benchmark;

/// <summary>The as-of benchmark's settings (see <see cref="BenchmarkCommand"/>).</summary>
internal sealed record AsOfOptions(string ConnectionString, int Skus, int EventsPerSku, int Rounds);
