namespace Inventory.Projections;

/// <summary>What a <see cref="LogScan"/> read and where its time went: each stage's busy time (reading pages, mapping and
/// deserializing them, applying them to the images). The stages overlap; the one busy nearly all of
/// <paramref name="Elapsed"/> set the pace.</summary>
public sealed record LogScanFigures(long Events, long Pages, TimeSpan Elapsed, TimeSpan Reading, TimeSpan Mapping, TimeSpan Applying);
