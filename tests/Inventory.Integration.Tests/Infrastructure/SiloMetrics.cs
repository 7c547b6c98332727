using System.Globalization;
using System.Text.RegularExpressions;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>Figures read from a silo's Prometheus scrape (<c>/metrics</c> on its management port).</summary>
public static partial class SiloMetrics
{
    /// <summary>The movements the silo's stock items applied since it started (<c>inventory_movements_total</c>,
    /// outcome applied, every kind summed).</summary>
    public static double AppliedMovements(string scrape) =>
        AppliedLine().Matches(scrape).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Sum();

    [GeneratedRegex(@"^inventory_movements_total\{[^}]*outcome=""applied""[^}]*\} (\S+)", RegexOptions.Multiline)]
    private static partial Regex AppliedLine();
}
