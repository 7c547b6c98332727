using System.Globalization;
using System.Text;

namespace Inventory.Integration.Tests.Drills;

/// <summary>What a drill measured: the answers scanners got, by status, and how long the system took to recover.</summary>
public sealed record DrillReport(
    string Drill,
    int Requests,
    IReadOnlyDictionary<string, int> ByStatus,
    int Acknowledged,
    int AcknowledgedButLost,
    int Duplicates,
    TimeSpan? Disruption,
    TimeSpan RecoveredAfterFault,
    TimeSpan SlowestAnswer,
    TimeSpan ViewsConverged)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Drill}: {Requests} requests; answers ");
        text.AppendJoin(", ", ByStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        text.Append(CultureInfo.InvariantCulture, $"; {Acknowledged} acknowledged, {AcknowledgedButLost} acknowledged but lost, {Duplicates} duplicates; ");
        text.Append(Disruption is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"retry answers over {d.TotalSeconds:0.0} s, the last {RecoveredAfterFault.TotalSeconds:0.0} s after the fault ended")
            : "no retry answers");
        text.Append(CultureInfo.InvariantCulture, $"; slowest answer {SlowestAnswer.TotalSeconds:0.0} s; views equal the items {ViewsConverged.TotalSeconds:0.0} s after the load");
        return text.ToString();
    }
}
