namespace Inventory.LoadGenerator;

/// <summary>How well the pacer kept the asked rate: movements sent per second, sends skipped because too many
/// requests were in flight, and how late the pacer issued sends behind their intended times (p99, max).</summary>
internal sealed record OpenLoopFigures(double TargetPerSecond, double SentPerSecond, long Skipped, double LateP99Millis, double LateMaxMillis)
{
    /// <summary>Kept: at least 99% of the rate sent, nothing skipped, sends issued at most 10 ms late (p99).</summary>
    public bool Kept => SentPerSecond >= TargetPerSecond * 0.99 && Skipped == 0 && LateP99Millis <= 10;
}
