namespace Inventory.Benchmark;

/// <summary>One completeness check: how many streams the store had when it started, how many of them the warehouse
/// and SKU views had not caught up with (lower version or missing), how many showed other numbers than the store at the
/// same version, and whether reading the views failed.</summary>
internal sealed record AuditResult(int Streams, int WarehousesBehind, int SkusBehind, int Mismatched, string? Error)
{
    public bool Complete => Error is null && WarehousesBehind == 0 && SkusBehind == 0 && Mismatched == 0;

    public override string ToString() => Error is not null
        ? $"error: {Error}"
        : $"{Streams:N0} streams: {WarehousesBehind} behind in the warehouse views, {SkusBehind} behind in the SKU views, {Mismatched} with other numbers";
}
