using Inventory.Contracts;

namespace Inventory.Processes;

/// <summary>The rule every process request's lines follow (a transfer, a receipt, an order, a pick): 1 to
/// <see cref="MaxLines"/> lines, each SKU once, quantities 1 to <see cref="Quantities.Max"/>.</summary>
public static class ProcessLines
{
    public const int MaxLines = 100;

    /// <summary>What is wrong with the lines (given as SKU and quantity; a null line as a null pair), or null.</summary>
    public static string? Invalid<TLine>(IReadOnlyList<TLine>? lines, Func<TLine, (string? Sku, int Quantity)> read, string what)
        where TLine : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (lines is null || lines.Count == 0 || lines.Count > MaxLines)
        {
            return $"{what} has 1 to {MaxLines} lines.";
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var (sku, quantity) = line is null ? (null, 0) : read(line);
            if (!Identifiers.IsValid(sku))
            {
                return $"Every line needs a SKU: {Identifiers.Rule}";
            }

            if (!skus.Add(sku))
            {
                return $"SKU '{sku}' is on two lines; put its units on one.";
            }

            if (quantity is < 1 or > Quantities.Max)
            {
                return $"A line's quantity is between 1 and {Quantities.Max}; '{sku}' has {quantity}.";
            }
        }

        return null;
    }
}
