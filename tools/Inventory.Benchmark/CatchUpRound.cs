namespace Inventory.Benchmark;

/// <summary>One measured window of <see cref="CatchUpCostBenchmark"/>: the movements' answers, the database server's CPU
/// in the window (NaN when the server is not on this machine), what this process (silo and load) did, and the events
/// whose payload catch-up read from the event store (every projection's).</summary>
internal sealed record CatchUpRound(string Name, LatencySummary Answers, double ServerCpuMillis, ProcessFigures Process, long PayloadsRead)
{
    /// <summary>Movements that wrote events: answered and not refused by a stock rule.</summary>
    public long Written => Answers.Count - Answers.Rejected;

    public double ServerMillisPerMovement => ServerCpuMillis / Written;

    public double ProcessMillisPerMovement => Process.ProcessCores * Process.Wall.TotalMilliseconds / Written;

    public double PayloadsPerMovement => (double)PayloadsRead / Written;

    public override string ToString() =>
        $"{Name}: {Written:N0} movements written; database server {ServerCpuMillis:N0} ms CPU, {ServerMillisPerMovement:N3} ms per movement; "
        + $"this process {ProcessMillisPerMovement:N3} ms per movement; catch-up read {PayloadsRead:N0} events whole ({PayloadsPerMovement:N2} per movement)";
}
