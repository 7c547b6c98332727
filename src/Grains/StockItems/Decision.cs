using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>What <see cref="StockItemDecisions.Decide"/> made of a command: one event to append, or a rejection.</summary>
public readonly record struct Decision
{
    private Decision(StockItemEvent? @event, Rejection? rejection)
    {
        Event = @event;
        Rejection = rejection;
    }

    public StockItemEvent? Event { get; }

    public Rejection? Rejection { get; }

    public static Decision Accept(StockItemEvent @event) => new(@event, null);

    public static Decision Reject(string code, string message) => new(null, new Rejection(code, message));
}
