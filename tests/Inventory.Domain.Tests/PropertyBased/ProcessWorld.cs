using Inventory.Contracts.StockItems;
using Inventory.Orders;
using Inventory.Processes;
using Inventory.StockItems;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.PropertyBased;

/// <summary>
/// Transfers, orders and plain movements over a few items, without Orleans: items decide with the real rules and remember
/// each movement id (a repeat gets the first answer, a reuse is refused, as the grain does); each transfer and order runs
/// its decisions and process on its own folded log. A step may be lost after the
/// item applied it (a crash before the outcome was recorded): the next run repeats it.
/// </summary>
internal sealed class ProcessWorld
{
    public static readonly string[] Warehouses = ["wh-a", "wh-b", "wh-c"];
    public static readonly string[] Skus = ["sku-1", "sku-2"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<StockItemKey, Item> _items = [];
    private int _clock;

    public ProcessWorld()
    {
        Transfers = new(this, TransferState.Empty, TransferState.Evolve, TransferProcess.Next);
        Orders = new(this, OrderState.Empty, OrderState.Evolve, OrderProcess.Next);
    }

    /// <summary>Every item event in ledger order, with its item.</summary>
    public List<(StockItemKey Item, StockItemEvent Event)> Ledger { get; } = [];

    public Processes<TransferState, TransferEvent> Transfers { get; }

    public Processes<OrderState, OrderEvent> Orders { get; }

    public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Start.AddSeconds(++_clock);

    public MovementResult Execute(StockItemKey key, StockCommand command)
    {
        if (!_items.TryGetValue(key, out var item))
        {
            _items[key] = item = new Item();
        }

        if (item.Answers.TryGetValue(command.MovementId, out var earlier))
        {
            Count("item repeat");
            return earlier.Fingerprint == command.Fingerprint()
                ? earlier.Result with { Duplicate = true }
                : MovementResult.Rejected(command.MovementId, new Rejection(RejectionCodes.MovementIdReused, "reused"));
        }

        var decision = StockItemDecisions.Decide(item.State, command, Now);
        if (decision.Event is not { } @event)
        {
            Count(decision.Rejection!.Code);
            return MovementResult.Rejected(command.MovementId, decision.Rejection!);
        }

        item.State = StockItem.Evolve(item.State, @event);
        item.Version++;
        Ledger.Add((key, @event));
        var result = new MovementResult { MovementId = command.MovementId, Version = item.Version, Position = Ledger.Count, OnHand = @event.OnHandAfter, Reserved = @event.ReservedAfter };
        item.Answers[command.MovementId] = (command.Fingerprint(), result);
        Count(@event.GetType().Name);
        return result;
    }

    public StockItem ItemState(StockItemKey key) => _items.TryGetValue(key, out var item) ? item.State : StockItem.Empty;

    /// <summary>Per (transfer, SKU): dispatched, received and returned, summed from the items' events.</summary>
    public Dictionary<(string Transfer, string Sku), (long Dispatched, long Received, long Returned)> LedgerSums()
    {
        var sums = new Dictionary<(string, string), (long, long, long)>();
        foreach (var (key, @event) in Ledger)
        {
            var (transfer, d, r, b) = @event switch
            {
                TransferDispatched e => (e.TransferId, e.Quantity, 0, 0),
                TransferReceived e => (e.TransferId, 0, e.Quantity, 0),
                TransferReturned e => (e.TransferId, 0, 0, e.Quantity),
                _ => (null, 0, 0, 0),
            };
            if (transfer is not null)
            {
                var (sd, sr, sb) = sums.GetValueOrDefault((transfer, key.Sku));
                sums[(transfer, key.Sku)] = (sd + d, sr + r, sb + b);
            }
        }

        return sums;
    }

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;

    /// <summary>The processes of one kind (transfers, orders), each folded from its own events.</summary>
    public sealed class Processes<TState, TEvent>(
        ProcessWorld world, TState empty, Func<TState, TEvent, TState> evolve, Func<TState, DateTimeOffset, ProcessStep<TEvent>?> next)
        where TState : class
        where TEvent : class
    {
        private readonly Dictionary<string, TState> _states = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, TState> States => _states;

        public ProcessDecision<TEvent> Request(string id, Func<TState, DateTimeOffset, ProcessDecision<TEvent>> decide)
        {
            var state = _states.GetValueOrDefault(id, empty);
            var decision = decide(state, world.Now);
            world.Count(decision.Rejection?.Code ?? (decision.Duplicate ? "request repeat" : "request recorded"));
            _states[id] = decision.Events.Aggregate(state, evolve);
            return decision;
        }

        /// <summary>Runs one step; with <paramref name="lose"/> the item applies it but the outcome is never recorded.
        /// False when there was no step to take.</summary>
        public bool Step(string id, bool lose)
        {
            var state = _states.GetValueOrDefault(id, empty);
            switch (next(state, world.Now))
            {
                case null:
                    return false;
                case RecordStep<TEvent> record:
                    _states[id] = evolve(state, record.Event);
                    world.Count(record.Event.GetType().Name);
                    return true;
                case ItemStep<TEvent> item:
                    var answer = world.Execute(item.Item, item.Command);
                    if (lose)
                    {
                        world.Count("outcome lost");
                        return true;
                    }

                    _states[id] = evolve(state, item.Outcome(answer, world.Now));
                    return true;
                default:
                    throw new InvalidOperationException("Unknown step.");
            }
        }

        public void RunToRest(string id)
        {
            for (var guard = 0; Step(id, lose: false); guard++)
            {
                Assert.True(guard < 1000, $"{id} never came to rest");
            }
        }
    }

    private sealed class Item
    {
        public StockItem State { get; set; } = StockItem.Empty;

        public int Version { get; set; }

        public Dictionary<Guid, (string Fingerprint, MovementResult Result)> Answers { get; } = [];
    }
}
