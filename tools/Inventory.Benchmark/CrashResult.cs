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
    public const double TargetMillis = 5000;

    /// <summary>From the kill until an item of the killed silo answers again on the survivor.</summary>
    public const double TakeoverTargetMillis = 5000;

    public bool TargetMet => CompleteAfterTakeoverMillis < TargetMillis;

    /// <summary>Views complete counted from the first acknowledged movement of an item of the killed silo instead.</summary>
    public double CompleteAfterFirstAckMillis => TakeoverMillis + CompleteAfterTakeoverMillis - FirstAckMillis;

    public void Print(double rate)
    {
        var coordinators = CoordinatorsOnVictim.Count == 0 ? "no coordinator" : $"coordinator(s) {string.Join(", ", CoordinatorsOnVictim)}";
        Console.WriteLine($"killed                {Victim} (SIGKILL) with {coordinators} and {VictimItems} of the hottest items on it");
        Console.WriteLine($"writes before kill    {WritesBeforeKill}   (baseline, {rate:N0}/s over two silos)");
        Console.WriteLine($"movements             {Sent:N0} sent, {Failed:N0} failed or timed out; last failure {LastFailureMillis:N0} ms after the kill");
        Console.WriteLine($"                      after the kill: items of the killed silo {VictimItemsAfterKill.Failed:N0} of {VictimItemsAfterKill.Sent:N0} failed, other items {OtherItemsAfterKill.Failed:N0} of {OtherItemsAfterKill.Sent:N0}");
        Console.WriteLine($"(a) takeover          {TakeoverMillis:N0} ms from the kill until the membership table shows the killed silo Dead (the survivor takes over)");
        Console.WriteLine($"                      {FirstAckMillis:N0} ms from the kill to the first acknowledged movement of an item that lived on the killed silo");
        Console.WriteLine($"                      {LastItemBackMillis:N0} ms from the kill until every such item that got movements had one acknowledged");
        Console.WriteLine($"(b) views complete    {CompleteAfterTakeoverMillis:N0} ms after the takeover ({TakeoverMillis + CompleteAfterTakeoverMillis:N0} ms after the kill), {(CompleteUnderLoad ? "while the load still ran" : "after the load stopped")}; {Checks} checks");
        Console.WriteLine($"                      first check: {FirstCheck?.ToString() ?? "none"}");
        Console.WriteLine($"                      passing/last check: {LastCheck?.ToString() ?? "none"}");
        foreach (var s in Statuses)
        {
            Console.WriteLine($"projection status     {s.Name,-10} {s.Health,-10} generation {s.Generation}, lag {s.LagEvents:N0} events / {s.LagMilliseconds:N0} ms, checkpoint {s.Checkpoint} head {s.HeadPosition}, {s.Partitions} shards, {s.DeadLetters} dead letters");
        }

        Console.WriteLine($"                      counted from the first acknowledged movement of an item of the killed silo instead: {CompleteAfterFirstAckMillis:N0} ms ({(CompleteAfterFirstAckMillis < TargetMillis ? "within" : "NOT within")} {TargetMillis:N0} ms)");
        Console.WriteLine($"target: views complete within {TargetMillis:N0} ms of the takeover: {(TargetMet ? "met" : "NOT met")}");
        Console.WriteLine($"target: the items of the killed silo answer within {TakeoverTargetMillis:N0} ms of the kill: the last one {LastItemBackMillis:N0} ms, {(LastItemBackMillis < TakeoverTargetMillis ? "met" : "NOT met")}");
        Console.WriteLine($"target: no live silo declared dead, under {FullLoad.PerSecond:N0} movements/s (64 callers) and after the kill: {FalseDeaths} false deaths, {(FalseDeaths == 0 ? "met" : "NOT met")}");
    }
}
