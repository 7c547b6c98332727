using System.Globalization;
using System.Text;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>Views as canonical text (dictionaries in key order), so that two views compare equal whatever order their
/// entries were added in.</summary>
internal static class ViewText
{
    public static string Of(WarehouseView view)
    {
        var text = new StringBuilder();
        foreach (var (sku, level) in view.Items.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"item {sku}: {level}\n");
        }

        foreach (var movement in view.Recent)
        {
            text.Append(CultureInfo.InvariantCulture, $"recent {movement}\n");
        }

        foreach (var (minute, count) in view.MinuteCounts.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"minute {minute}: {count}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"movements {view.Movements}").ToString();
    }

    public static string Of(SkuView view) =>
        string.Join('\n', view.Skus.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Value.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{s.Key} at {p.Key}: {p.Value}")));
}
