namespace Inventory.Benchmark;

/// <summary>The write side's figures, printed as the results table, then what explains the grains' figures.</summary>
internal sealed record WriteSideResults(
    IReadOnlyList<(PhaseResult Baseline, PhaseResult Grains)> Rounds64,
    (PhaseResult Baseline, PhaseResult Grains) Closed16,
    (PhaseResult Baseline, PhaseResult Grains) Open,
    double OpenRate,
    bool OpenAtTargetRate,
    bool CheckpointAsked,
    string? CheckpointFailure,
    int SnapshotInterval,
    double ActivationMillis,
    double FullFoldMillis,
    double BytesPerItem)
{
    /// <summary>Issue 31: grain movements/s at 64 callers against the baseline's rows/s, median round.</summary>
    public const double RateTarget = 2.5;

    /// <summary>The open loop's p99: under this, and (issue 31) no worse than the baseline's at the same rate.</summary>
    public const double P99TargetMillis = 50;
    public const double ActivationTargetMillis = 50;
    public const double MemoryTargetBytes = 4096;

    /// <summary>The round judged at 64 callers: the median by ratio.</summary>
    public (PhaseResult Baseline, PhaseResult Grains) Median64 => Rounds64.OrderBy(r => Ratio(r)).ElementAt(Rounds64.Count / 2);

    public void Print(TextWriter output)
    {
        var (baseline64, grains64) = Median64;
        var (baseline16, grains16) = Closed16;
        var (baselineOpen, grainsOpen) = Open;
        var rate = OpenRate;
        var ratios = string.Join(", ", Rounds64.Select(r => $"{Ratio(r):N2}x"));
        var forced = CheckpointAsked && CheckpointFailure is null ? ", a CHECKPOINT forced into it" : "";

        var table = new ResultsTable();
        table.Add(Rounds64.Count == 1 ? "movements/s, 64 callers (one round)" : $"movements/s, 64 callers (median of {Rounds64.Count} alternating rounds: {ratios})",
            PerSecond(grains64), PerSecond(baseline64), Ratio(Median64), $">= {RateTarget:N2}x", Ratio(Median64) >= RateTarget);
        table.Add("movements/s, 16 callers", PerSecond(grains16), PerSecond(baseline16), Ratio(Closed16), "", null);
        table.Add($"p99, open loop at {rate:N0}/s ({(OpenAtTargetRate ? "half the 64-caller rate" : "--open-rate")}{forced})",
            Millis(grainsOpen.Answers.P99Millis) + Errors(grainsOpen), Millis(baselineOpen.Answers.P99Millis) + Errors(baselineOpen),
            grainsOpen.Answers.P99Millis / baselineOpen.Answers.P99Millis,
            OpenAtTargetRate ? $"<= 1.00x, < {P99TargetMillis:N0} ms" : "",
            OpenAtTargetRate ? grainsOpen.Answers.P99Millis <= baselineOpen.Answers.P99Millis && grainsOpen.Answers.P99Millis < P99TargetMillis : null);
        table.Add("p50, same open loop", Millis(grainsOpen.Answers.P50Millis), Millis(baselineOpen.Answers.P50Millis), grainsOpen.Answers.P50Millis / baselineOpen.Answers.P50Millis, "", null);
        table.Add($"activation of an item with {WriteSideBenchmark.HistoryEvents:N0} events (snapshot every {SnapshotInterval} + tail)",
            Millis(ActivationMillis), Millis(FullFoldMillis), ActivationMillis / FullFoldMillis, $"< {ActivationTargetMillis:N0} ms", ActivationMillis < ActivationTargetMillis);
        table.Add("managed memory per active item (no reservations)", $"{BytesPerItem:N0} B", "", double.NaN, $"< {MemoryTargetBytes:N0} B", BytesPerItem < MemoryTargetBytes);

        output.WriteLine();
        table.Print(output);
        output.WriteLine("baseline: plain Npgsql, one event-shaped row per transaction, as many writers or the same open loop; for activation, all events folded without a snapshot.");
        if (CheckpointFailure is not null)
        {
            output.WriteLine($"--checkpoint-in-phase: the CHECKPOINT failed, so none was forced: {CheckpointFailure}");
        }

        output.WriteLine("Event store and GC in the grains' phases (the silo and the load share this process):");
        foreach (var (label, phase) in new[] { ("64 callers, median round", grains64), ("16 callers", grains16), ($"open loop at {rate:N0}/s", grainsOpen) })
        {
            output.WriteLine($"  {label,-26} {phase.Store.Short}; {phase.Process.Gc}");
        }
    }

    private static double Ratio((PhaseResult Baseline, PhaseResult Grains) pair) => pair.Grains.Answers.PerSecond / pair.Baseline.Answers.PerSecond;

    private static string PerSecond(PhaseResult phase) => $"{phase.Answers.PerSecond:N0}/s";

    private static string Millis(double millis) => $"{millis:N1} ms";

    private static string Errors(PhaseResult phase) => phase.Answers.Errors == 0 ? "" : $" ({phase.Answers.Errors:N0} errors)";
}
