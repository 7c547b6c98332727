using Inventory.Contracts.StockItems;

namespace Inventory.Processes;

/// <summary>What a process manager made of a request: events to append, a rejection, or nothing new (a retry of a
/// request already applied).</summary>
public sealed record ProcessDecision<TEvent>(IReadOnlyList<TEvent> Events, Rejection? Rejection, bool Duplicate)
    where TEvent : class
{
    public static ProcessDecision<TEvent> Append(params TEvent[] events) => new(events, null, false);

    public static ProcessDecision<TEvent> Reject(string code, string message) => new([], new Rejection(code, message), false);

    public static ProcessDecision<TEvent> AlreadyApplied() => new([], null, true);
}
