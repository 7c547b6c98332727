using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>The figures of <see cref="CrashBenchmark"/> (milliseconds; NaN when the event did not happen within its bound).</summary>
internal sealed record CrashResult(
    LatencySummary FullLoad,
    int FalseDeaths,
    string Victim,
    IReadOnlyList<string> CoordinatorsOnVictim,
    int VictimItems,
    Distribution WritesBeforeKill,
    double FirstAckMillis,
    double TakeoverMillis,
    double LastItemBackMillis,
    double CompleteAfterTakeoverMillis,
    bool CompleteUnderLoad,
    int Checks,
    AuditResult? FirstCheck,
    AuditResult? LastCheck,
    long Sent,
    long Failed,
    double LastFailureMillis,
    (int Sent, int Failed) VictimItemsAfterKill,
    (int Sent, int Failed) OtherItemsAfterKill,
    IReadOnlyList<ProjectionStatus> Statuses)
{
    /// <summary>From the takeover until every view is complete.</summary>
    public const double TargetMillis = 5000;

    /// <summary>From the kill until every item of the killed silo answers again on the survivor.</summary>
    public const double TakeoverTargetMillis = 5000;

    public bool TargetMet => CompleteAfterTakeoverMillis < TargetMillis;

    /// <summary>Views complete counted from the first acknowledged movement of an item of the killed silo instead.</summary>
    public double CompleteAfterFirstAckMillis => TakeoverMillis + CompleteAfterTakeoverMillis - FirstAckMillis;

    /// <summary>What was killed and what the callers saw, in one line.</summary>
    public string Summary =>
        $"crash: killed {Victim} (SIGKILL) with {(CoordinatorsOnVictim.Count == 0 ? "no coordinator" : $"coordinator(s) {string.Join(", ", CoordinatorsOnVictim)}")} "
        + $"and {VictimItems} of the {CrashBenchmark.HotItems} hottest items; {Sent:N0} movements sent, {Failed:N0} failed or timed out, the last {LastFailureMillis:N0} ms after the kill";

    /// <summary>The details, for <c>--diagnose</c>.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"crash: full load before the kill {FullLoad}";
        yield return $"    writes before the kill {WritesBeforeKill}";
        yield return $"    after the kill: items of the killed silo {VictimItemsAfterKill.Failed:N0} of {VictimItemsAfterKill.Sent:N0} failed, other items {OtherItemsAfterKill.Failed:N0} of {OtherItemsAfterKill.Sent:N0}";
        yield return $"    kill -> first acknowledged movement of an item of the killed silo {FirstAckMillis:N0} ms; -> killed silo declared dead {TakeoverMillis:N0} ms";
        yield return $"    views complete {CompleteAfterTakeoverMillis:N0} ms after the takeover ({TakeoverMillis + CompleteAfterTakeoverMillis:N0} ms after the kill, {CompleteAfterFirstAckMillis:N0} ms after the first acknowledged movement), "
            + $"{(CompleteUnderLoad ? "while the load still ran" : "after the load stopped")}; {Checks} checks";
        yield return $"    first check: {FirstCheck?.ToString() ?? "none"}; passing or last check: {LastCheck?.ToString() ?? "none"}";
        foreach (var status in Statuses)
        {
            yield return $"    {ReadSideBenchmark.Describe(status)}";
        }
    }
}
