using System.Diagnostics;
using Inventory.Projections;
using Inventory.Silo.Management;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Inventory.Benchmark;

/// <summary>
/// What tracing costs the write path (<c>tracing</c>): the same closed loop of movements through one in-process silo on
/// PostgreSQL (read side live, as in production), in rounds with tracing off and on (judged on the median round by ratio, as the shared machine drifts). On is a tracer provider
/// as the silo builds it (its activity sources and Npgsql's) that samples every span and exports them to nothing through
/// the usual batch processor, so that creating, tagging and linking every span is what is measured; off is no listener at
/// all, as a silo without <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> runs. One results table.
/// </summary>
internal static class TracingBenchmark
{
    public static async Task<int> RunAsync(TracingOptions options)
    {
        Console.WriteLine($"Inventory tracing benchmark: {ProcessCounters.MachineCores} cores (load average {Progress.LoadAverage()}), {options.Callers} callers, "
            + $"{options.Rounds} rounds of {options.Seconds} s with tracing off and on (order alternating), {options.Items:N0} items (Zipf s={options.Skew}), read side live");
        await using var silo = await BenchSilo.StartAsync(options.ConnectionString);
        var catalog = silo.Services.GetRequiredService<ProjectionCatalog>();
        var keys = Enumerable.Range(0, options.Items).Select(i => $"wh-{i % 10:D2}/sku-{i:D6}").ToArray();
        var load = new MovementLoad(silo.Grains, keys, new ZipfSampler(keys.Length, options.Skew));
        var phase = TimeSpan.FromSeconds(options.Seconds);
        var spans = new SpanCounter();

        // Both paths through the JIT before anything is measured.
        var warmUp = TimeSpan.FromSeconds(Math.Max(1, options.WarmUpSeconds / 2.0));
        await load.RunClosedAsync(options.Callers, warmUp);
        using (Tracing(spans))
        {
            await load.RunClosedAsync(options.Callers, warmUp);
        }

        // Off then on, then on then off, and so on: neither setting always runs second.
        var rounds = new List<(LatencySummary Off, LatencySummary On)>();
        var spansPerMovement = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var name = $"(round {round} of {options.Rounds})";
            LatencySummary off = null!, on = null!;
            foreach (var traced in round % 2 == 1 ? new[] { false, true } : [true, false])
            {
                if (!traced)
                {
                    off = await MeasureAsync(silo, catalog, $"tracing off {name}", () => load.RunClosedAsync(options.Callers, phase));
                    continue;
                }

                spans.Reset();
                using (Tracing(spans))
                {
                    on = await MeasureAsync(silo, catalog, $"tracing on {name}", () => load.RunClosedAsync(options.Callers, phase));
                }

                spansPerMovement.Add(spans.Count / (double)on.Count);
                Progress.Step($"  {spansPerMovement[^1]:N1} spans per movement");
            }

            rounds.Add((off, on));
        }

        await silo.StopAsync();
        var (medianOff, medianOn) = rounds.OrderBy(Ratio).ElementAt(rounds.Count / 2);
        var ratios = string.Join(", ", rounds.Select(r => $"{Ratio(r):N2}x"));
        var table = new ResultsTable();
        table.Add(rounds.Count == 1 ? $"movements/s, {options.Callers} callers, tracing on (one round)" : $"movements/s, {options.Callers} callers, tracing on (median of {rounds.Count} rounds: {ratios})",
            $"{medianOn.PerSecond:N0}/s", $"{medianOff.PerSecond:N0}/s", Ratio((medianOff, medianOn)), "", null);
        table.Add("p99, same round", $"{medianOn.P99Millis:N1} ms", $"{medianOff.P99Millis:N1} ms", medianOn.P99Millis / medianOff.P99Millis, "", null);
        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine("baseline: the same load with tracing off (no listener); on: every span sampled and exported to nothing, "
            + $"{spansPerMovement.Order().ElementAt(spansPerMovement.Count / 2):N1} spans per movement (median of the rounds: grain call, append, writer batch, Npgsql, publish, stream, projections).");
        return 0;
    }

    /// <summary>A tracer provider like the silo's (its sources, Npgsql's) sampling everything, exporting nowhere.</summary>
    private static TracerProvider Tracing(SpanCounter spans) =>
        Sdk.CreateTracerProviderBuilder()
            .AddSource([.. SiloTelemetryExtensions.TraceSources])
            .AddNpgsql()
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new BatchActivityExportProcessor(spans))
            .Build()!;

    private static async Task<LatencySummary> MeasureAsync(BenchSilo silo, ProjectionCatalog catalog, string name, Func<Task<LatencySummary>> run)
    {
        await ReadSideSettler.SettleAsync(silo.Grains, catalog);
        var answers = await run();
        Progress.Step($"{name}: {answers.PerSecond:N0}/s, p99 {answers.P99Millis:N1} ms");
        return answers;
    }

    private static double Ratio((LatencySummary Off, LatencySummary On) round) => round.On.PerSecond / round.Off.PerSecond;

    /// <summary>The exporter: counts the spans and drops them.</summary>
    private sealed class SpanCounter : BaseExporter<Activity>
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ExportResult Export(in Batch<Activity> batch)
        {
            Interlocked.Add(ref _count, batch.Count);
            return ExportResult.Success;
        }
    }
}
