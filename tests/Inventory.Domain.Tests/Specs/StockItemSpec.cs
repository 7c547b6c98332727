using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Schemas;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Specs;

/// <summary>
/// Given a history of events, when a command is decided at <see cref="Now"/>, then exactly this event is emitted
/// (or the command is rejected with this code). The history must read as a valid ledger: each event's
/// OnHandAfter/ReservedAfter must equal the state after it, so a typo in a test's Given fails loudly. Every event given
/// or emitted, and the state after the emitted one, must match its registered schema in its stored form.
/// </summary>
public sealed class StockItemSpec
{
    /// <summary>The fixed decision time of every <see cref="When"/>.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly StockItem _state;
    private StockCommand? _command;

    private StockItemSpec(StockItem state) => _state = state;

    public static StockItemSpec Given(params StockItemEvent[] history)
    {
        var state = StockItem.Empty;
        for (var i = 0; i < history.Length; i++)
        {
            SchemaAssert.StoredFormMatches(history[i]);
            state = StockItem.Evolve(state, history[i]);
            if (history[i].OnHandAfter != state.OnHand || history[i].ReservedAfter != state.Reserved)
            {
                throw new ArgumentException(
                    $"Given event #{i} ({history[i]}) says on-hand {history[i].OnHandAfter}, reserved {history[i].ReservedAfter}; " +
                    $"the state after it has on-hand {state.OnHand}, reserved {state.Reserved}.",
                    nameof(history));
            }
        }

        return new StockItemSpec(state);
    }

    public StockItemSpec When(StockCommand command)
    {
        _command = command;
        return this;
    }

    /// <summary>Asserts the command is accepted with exactly <paramref name="expected"/>; returns the state after it.</summary>
    public StockItem Then(StockItemEvent expected)
    {
        var decision = Decide();
        if (decision.Rejection is { } rejection)
        {
            Assert.Fail($"Expected {expected}, but the command was rejected: {rejection.Code}: {rejection.Message}");
        }

        Assert.Equal(expected, decision.Event);
        SchemaAssert.StoredFormMatches(decision.Event!);
        var next = StockItem.Evolve(_state, decision.Event!);
        SchemaAssert.SnapshotMatches(next);
        Assert.Equal(expected.OnHandAfter, next.OnHand);
        Assert.Equal(expected.ReservedAfter, next.Reserved);
        Assert.Equal(Now, next.LastMovementAt);
        return next;
    }

    /// <summary>Asserts the command is rejected with <paramref name="code"/> and no event; returns the rejection.</summary>
    public Rejection ThenRejects(string code)
    {
        var decision = Decide();
        Assert.Null(decision.Event);
        var rejection = Assert.IsType<Rejection>(decision.Rejection);
        Assert.Equal(code, rejection.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        return rejection;
    }

    private Decision Decide()
    {
        var command = _command ?? throw new InvalidOperationException("Call When(command) before Then.");
        return StockItemDecisions.Decide(_state, command, Now);
    }
}
