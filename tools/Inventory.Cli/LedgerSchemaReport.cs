namespace Inventory.Cli;

/// <summary>What <see cref="LedgerSchemaAudit"/> found: how many rows it checked, how many did not match their schema, and
/// the first of those.</summary>
public sealed record LedgerSchemaReport(long Events, long Snapshots, long ViolationCount, IReadOnlyList<string> Violations)
{
    public bool IsSound => ViolationCount == 0;

    public override string ToString() =>
        $"{Events} event(s) and {Snapshots} snapshot(s) checked; {ViolationCount} did not match the registered schemas (schemas/, docs/events.md)" +
        (Violations.Count == 0 ? "." : ":" + Environment.NewLine + string.Join(Environment.NewLine, Violations));
}
