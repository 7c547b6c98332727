namespace Inventory.Integration.Tests.Drills;

/// <summary>One answer a scanner got (or <see cref="NoAnswer"/>: the connection failed or timed out), at
/// <paramref name="At"/> since the drill began, <paramref name="Latency"/> after the request was sent.</summary>
public sealed record Answer(TimeSpan At, TimeSpan Latency, int Status, bool HasRetryAfter, string? Code)
{
    public const int NoAnswer = 0;

    public bool IsSuccess => Status is 200 or 201;

    /// <summary>What a scanner is told to retry: 503, or no answer at all.</summary>
    public bool IsRetry => Status is 503 or NoAnswer;
}
