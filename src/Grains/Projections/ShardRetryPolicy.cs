using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>How often a failing event is tried before it is parked, and the backoff between tries
/// (<see cref="FirstBackoff"/>, then ×4 each time).</summary>
public sealed record ShardRetryPolicy(int MaxAttempts, TimeSpan FirstBackoff)
{
    public static ShardRetryPolicy Default { get; } = new(4, TimeSpan.FromMilliseconds(50));

    public TimeSpan BackoffAfter(int attempt) => FirstBackoff * Math.Pow(4, attempt - 1);
}
