namespace Inventory.LoadGenerator;

/// <summary>Final statuses of movements: 201 applied, 200 already applied (a retry), 409 refused by a stock rule,
/// 429, other 4xx, 5xx after every attempt, and no answer at all (timeouts/connection errors to the last attempt).</summary>
internal sealed record StatusCounts(long Created, long Ok, long Conflict, long RateLimited, long OtherClientError, long ServerError, long Unanswered)
{
    /// <summary>Movements the API answered (2xx, 409, 4xx): the throughput figure counts these.</summary>
    public long Answered => Created + Ok + Conflict + RateLimited + OtherClientError;

    public override string ToString() =>
        $"201 {Created:N0} | 200 {Ok:N0} | 409 {Conflict:N0} | 429 {RateLimited:N0} | other 4xx {OtherClientError:N0} | 5xx {ServerError:N0} | no answer {Unanswered:N0}";
}
