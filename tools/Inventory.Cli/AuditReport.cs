namespace Inventory.Cli;

/// <summary>What <see cref="LedgerAudit"/> read, and the first discrepancies it found (of <see cref="DiscrepancyCount"/>).</summary>
public sealed record AuditReport(long Streams, long Events, long SnapshotsChecked, long DiscrepancyCount, IReadOnlyList<Discrepancy> Discrepancies)
{
    public bool IsSound => DiscrepancyCount == 0;
}
