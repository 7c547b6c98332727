namespace Inventory.Benchmark;

/// <summary>The figures of <see cref="CatchUpCostBenchmark"/>: the reference round with the read side idle, then the
/// rounds of each catch-up setting in the order they ran.</summary>
internal sealed record CatchUpCostResult(bool ServerIsLocal, CatchUpRound Idle, IReadOnlyList<CatchUpRound> Whole, IReadOnlyList<CatchUpRound> EntriesFirst)
{
    /// <summary>The database server's CPU per movement, catch-up reading every event whole: the median round's (the
    /// mean of the middle two for an even number).</summary>
    public double WholeServerMillis => Median(Whole.Select(r => r.ServerMillisPerMovement));

    public double EntriesFirstServerMillis => Median(EntriesFirst.Select(r => r.ServerMillisPerMovement));

    public double WholePayloads => Median(Whole.Select(r => r.PayloadsPerMovement));

    public double EntriesFirstPayloads => Median(EntriesFirst.Select(r => r.PayloadsPerMovement));

    public double WholeProcessMillis => Median(Whole.Select(r => r.ProcessMillisPerMovement));

    public double EntriesFirstProcessMillis => Median(EntriesFirst.Select(r => r.ProcessMillisPerMovement));

    /// <summary>Every round's database server CPU per movement, in one line.</summary>
    public string Summary =>
        $"catch-up cost, database server CPU per movement by round: catch-up reading every event whole {Rounds(Whole)}; entries first {Rounds(EntriesFirst)}; "
        + $"read side idle {Rounds([Idle])}"
        + (ServerIsLocal ? "" : " (n/a: the database server is not on this machine, so its CPU cannot be read)");

    /// <summary>The details, for <c>--diagnose</c>.</summary>
    public IEnumerable<string> Describe()
    {
        foreach (var round in Whole.Concat(EntriesFirst).Prepend(Idle))
        {
            yield return $"catch-up cost, {round}";
            yield return $"    {round.Answers}";
            yield return $"    {round.Process}";
        }
    }

    private static string Rounds(IEnumerable<CatchUpRound> rounds) =>
        string.Join(", ", rounds.Select(r => double.IsNaN(r.ServerMillisPerMovement) ? "n/a" : $"{r.ServerMillisPerMovement:N3} ms"));

    private static double Median(IEnumerable<double> figures)
    {
        var sorted = figures.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
