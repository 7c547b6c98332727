namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>What <see cref="LedgerSchemaAudit"/> found: how many rows it checked, and each that did not match its schema.</summary>
public sealed record LedgerSchemaReport(int Events, int Snapshots, IReadOnlyList<string> Violations)
{
    public override string ToString() =>
        $"{Events} event(s) and {Snapshots} snapshot(s) checked; {Violations.Count} did not match the registered schemas (schemas/, docs/events.md)" +
        (Violations.Count == 0 ? "." : ":" + Environment.NewLine + string.Join(Environment.NewLine, Violations));
}
