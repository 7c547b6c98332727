using System.Diagnostics;

namespace Inventory.StockItems;

/// <summary>The write side's spans (activity source <see cref="SourceName"/>): one per append of a round of movements,
/// a child of the first movement's grain call and linked to the others', tagged with the stream, versions and count.
/// Free when nothing listens.</summary>
public static class StockItemTracing
{
    public const string SourceName = "Inventory.StockItems";

    public static readonly ActivitySource Source = new(SourceName);
}
