using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.Processes;
using Inventory.StockItems;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.PropertyBased;

/// <summary>
/// Transfers and plain movements over a few items, without Orleans: items decide with the real rules and remember each
/// movement id (a repeat gets the first answer, a reuse is refused, as the grain does); each transfer runs
/// <see cref="TransferDecisions"/> and <see cref="TransferProcess"/> on its own folded log. A step may be lost after the
/// item applied it (a crash before the outcome was recorded): the next run repeats it.
/// </summary>
internal sealed class TransferWorld
{
    public static readonly string[] Warehouses = ["wh-a", "wh-b", "wh-c"];
    public static readonly string[] Skus = ["sku-1", "sku-2"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<StockItemKey, Item> _items = [];
    private readonly Dictionary<string, TransferState> _transfers = new(StringComparer.Ordinal);
    private int _clock;

    /// <summary>Every item event in ledger order, with its item.</summary>
    public List<(StockItemKey Item, StockItemEvent Event)> Ledger { get; } = [];

    public IReadOnlyDictionary<string, TransferState> Transfers => _transfers;

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

    public ProcessDecision<TransferEvent> Request(string transferId, Func<TransferState, DateTimeOffset, ProcessDecision<TransferEvent>> decide)
    {
        var state = _transfers.GetValueOrDefault(transferId, TransferState.Empty);
        var decision = decide(state, Now);
        Count(decision.Rejection?.Code ?? (decision.Duplicate ? "request repeat" : "request recorded"));
        _transfers[transferId] = decision.Events.Aggregate(state, TransferState.Evolve);
        return decision;
    }

    /// <summary>Runs one step of the transfer; with <paramref name="lose"/> the item applies it but the outcome is never
    /// recorded. False when the transfer had no step to take.</summary>
    public bool Step(string transferId, bool lose)
    {
        var state = _transfers.GetValueOrDefault(transferId, TransferState.Empty);
        switch (TransferProcess.Next(state, Now))
        {
            case null:
                return false;
            case RecordStep<TransferEvent> record:
                _transfers[transferId] = TransferState.Evolve(state, record.Event);
                Count(record.Event.GetType().Name);
                return true;
            case ItemStep<TransferEvent> item:
                var answer = Execute(item.Item, item.Command);
                if (lose)
                {
                    Count("outcome lost");
                    return true;
                }

                _transfers[transferId] = TransferState.Evolve(state, item.Outcome(answer, Now));
                return true;
            default:
                throw new InvalidOperationException("Unknown step.");
        }
    }

    public void RunToRest(string transferId)
    {
        for (var guard = 0; Step(transferId, lose: false); guard++)
        {
            Assert.True(guard < 1000, $"{transferId} never came to rest");
        }
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

    private sealed class Item
    {
        public StockItem State { get; set; } = StockItem.Empty;

        public int Version { get; set; }

        public Dictionary<Guid, (string Fingerprint, MovementResult Result)> Answers { get; } = [];
    }
}
