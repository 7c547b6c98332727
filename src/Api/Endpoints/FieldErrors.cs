using Inventory.Contracts;

namespace Inventory.Api.Endpoints;

/// <summary>The field errors of a request body, collected while it is read, for a 400 (<c>errors</c>).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string field, string message) => (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);

    public void Id(string? value, string field)
    {
        if (!Identifiers.IsValid(value))
        {
            Add(field, Identifiers.Rule);
        }
    }

    public void Reason(string? reason, int maxLength)
    {
        if (reason is { } text && text.Length > maxLength)
        {
            Add("reason", $"At most {maxLength} characters.");
        }
    }

    /// <summary>A transfer's, receipt's, order's or pick's lines: 1 to <paramref name="maxLines"/>, each SKU once,
    /// quantities 1 to <see cref="Quantities.Max"/>; the errors name <c>lines[i].sku</c> and <c>lines[i].quantity</c>.</summary>
    public List<TLine> Lines<TRequest, TLine>(IReadOnlyList<TRequest?>? lines, int maxLines, Func<TRequest, (string Sku, int Quantity)> read, Func<string, int, TLine> make)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(make);
        var mapped = new List<TLine>();
        if (lines is null || lines.Count == 0 || lines.Count > maxLines)
        {
            Add("lines", $"Must hold 1 to {maxLines} lines.");
            return mapped;
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                Add($"lines[{i}]", "Must be an object with sku and quantity.");
                continue;
            }

            var (sku, quantity) = read(line);
            if (!Identifiers.IsValid(sku))
            {
                Add($"lines[{i}].sku", Identifiers.Rule);
            }
            else if (!skus.Add(sku))
            {
                Add($"lines[{i}].sku", "Each SKU once: this one is on an earlier line.");
            }

            if (quantity is < 1 or > Quantities.Max)
            {
                Add($"lines[{i}].quantity", $"Must be between 1 and {Quantities.Max}.");
            }

            mapped.Add(make(sku, quantity));
        }

        return mapped;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
