namespace Inventory.Benchmark;

/// <summary>One measured phase: its answers, the event store's transactions in it, and what this process did.</summary>
internal sealed record PhaseResult(string Name, LatencySummary Answers, AppendSummary Store, ProcessFigures Process)
{
    /// <summary>The phase's details, for <c>--diagnose</c>.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"{Name}: {Answers}";
        yield return $"    {Process}";
        if (Store.Transactions.Count > 0)
        {
            yield return $"    event store: {Store}";
        }

        foreach (var (kind, spread) in Answers.ByKind)
        {
            yield return $"    {kind,-30} {spread}";
        }
    }
}
