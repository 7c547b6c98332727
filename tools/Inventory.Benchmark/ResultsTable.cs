namespace Inventory.Benchmark;

/// <summary>The one results table a run prints: figure, measured, baseline (measured in the same run), ratio, target,
/// met? As Markdown, its columns padded so that it also reads on a terminal.</summary>
internal sealed class ResultsTable
{
    private static readonly string[] Header = ["figure", "measured", "baseline", "ratio", "target", "met?"];

    private readonly List<string[]> _rows = [];

    /// <summary>A row; <paramref name="ratio"/> is measured/baseline, NaN when there is no baseline; <paramref name="met"/>
    /// is null when the figure has no target.</summary>
    public void Add(string figure, string measured, string baseline, double ratio, string target, bool? met) =>
        _rows.Add([figure, measured, baseline, double.IsFinite(ratio) ? $"{ratio:N2}x" : "", target, met switch { null => "", true => "yes", false => "NO" }]);

    public void Print(TextWriter output)
    {
        var widths = Enumerable.Range(0, Header.Length).Select(c => _rows.Prepend(Header).Max(r => r[c].Length)).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((cell, c) => cell.PadRight(widths[c]))) + " |";
        output.WriteLine(Line(Header));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row));
        }
    }
}
