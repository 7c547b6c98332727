using System.Runtime;
using Inventory.Benchmark;

// As src/Silo's Program: no blocking full collections while memory is plentiful (the silo runs in this process).
GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

// The write-side benchmark, or `read-side`; --help lists the options. build/bench.sh provisions PostgreSQL for it.
return await BenchmarkCommand.Create().Parse(args).InvokeAsync();
