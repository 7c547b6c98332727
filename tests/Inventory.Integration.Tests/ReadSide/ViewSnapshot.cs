namespace Inventory.Integration.Tests.ReadSide;

/// <summary>
/// Every view of the read side written out as ordered lines of text (warehouse stock, totals, low stock, recent
/// movements and movement counts; SKU stock across warehouses; the overview), so that the views the grains serve and
/// the views replayed from the event store compare exactly, and a difference reads as a diff.
/// </summary>
public sealed record ViewSnapshot(IReadOnlyList<string> Lines)
{
    public bool SameAs(ViewSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);
    }

    /// <summary>Lines only in <paramref name="expected"/> (-) and only here (+), the first <paramref name="max"/> of each.</summary>
    public string DiffFrom(ViewSnapshot expected, int max = 15)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var missing = expected.Lines.Except(Lines, StringComparer.Ordinal).Take(max).Select(l => $"- {l}");
        var extra = Lines.Except(expected.Lines, StringComparer.Ordinal).Take(max).Select(l => $"+ {l}");
        return string.Join(Environment.NewLine, missing.Concat(extra));
    }
}
