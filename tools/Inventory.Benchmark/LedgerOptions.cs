namespace Inventory.Benchmark;

/// <summary>The ledger benchmark's settings (see <see cref="BenchmarkCommand"/>).</summary>
internal sealed record LedgerOptions(string ConnectionString, long Events, int Items, int Warehouses, double Skew);
