using System.Collections.Concurrent;
using CsCheck;
using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Schemas;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.PropertyBased;

/// <summary>Random command sequences through Decide/Evolve, checked against the invariants and an independent
/// model of the spec after every step; and every event through the stored form and back, which must match the event's
/// registered schema (as must the snapshot of the final state).</summary>
public sealed class StockItemPropertyTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenAnySequenceOfCommands_WhenDecidedAndEvolvedStepByStep_ThenInvariantsHoldAndTheModelAgrees()
    {
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        StockGen.Command.Array[0, 80].Sample(commands => Run(commands, outcomes), iter: 2000);

        // The generator must reach every outcome, or the properties above prove less than they seem to.
        string[] expected =
        [
            nameof(StockReceived), nameof(StockPicked), nameof(StockReserved), nameof(ReservationReleased),
            nameof(StockAdjusted), nameof(StockCounted), nameof(ReorderPointSet),
            "pick via reservation", "pick closes reservation", "release all that is left",
            RejectionCodes.InvalidMovementId, RejectionCodes.InvalidQuantity, RejectionCodes.InvalidReservationId,
            RejectionCodes.ReasonRequired, RejectionCodes.InsufficientStock, RejectionCodes.UnknownReservation,
            RejectionCodes.ReservationAlreadyOpen, RejectionCodes.ReservationExceeded, RejectionCodes.BelowReserved,
            RejectionCodes.CountBelowReserved,
        ];
        Assert.Superset(expected.ToHashSet(StringComparer.Ordinal), outcomes.Keys.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenAnyEvent_WhenSerializedToItsStoredFormAndBack_ThenItIsEqual() =>
        StockGen.Event.Sample(AssertRoundTrips, iter: 3000);

    private static void Run(StockCommand[] commands, ConcurrentDictionary<string, int> outcomes)
    {
        var state = StockItem.Empty;
        var model = new StockModel();
        var events = new List<StockItemEvent>();
        var now = Start;

        foreach (var command in commands)
        {
            now = now.AddSeconds(1);
            var before = Snapshot(state);
            var violations = model.Violations(command);

            var decision = StockItemDecisions.Decide(state, command, now);

            Assert.Equal(before, Snapshot(state));
            if (decision.Rejection is { } rejection)
            {
                Assert.Null(decision.Event);
                Assert.True(violations.Contains(rejection.Code), $"{command} rejected with {rejection.Code}; the model expected one of [{string.Join(", ", violations)}].");
                Count(outcomes, rejection.Code);
                continue;
            }

            Assert.True(violations.Count == 0, $"{command} accepted; the model expected one of [{string.Join(", ", violations)}].");
            var @event = Assert.IsAssignableFrom<StockItemEvent>(decision.Event);
            AssertEventRecordsCommand(command, @event, state, now);
            CountAccepted(outcomes, command, @event, state);

            state = StockItem.Evolve(state, @event);
            model.Apply(command);
            events.Add(@event);

            AssertInvariants(state);
            Assert.Equal((@event.OnHandAfter, @event.ReservedAfter), (state.OnHand, state.Reserved));
            Assert.Equal(now, state.LastMovementAt);
            Assert.Equal(
                (model.OnHand, model.Reserved, model.ReorderPoint, Sorted(model.Reservations)),
                (state.OnHand, state.Reserved, state.ReorderPoint, Sorted(state.Reservations)));
            AssertRoundTrips(@event);
            SchemaAssert.StoredFormMatches(@event);
        }

        Assert.Equal(Snapshot(state), Snapshot(StockItem.Fold(events)));
        SchemaAssert.SnapshotMatches(state);
    }

    private static void AssertEventRecordsCommand(StockCommand command, StockItemEvent @event, StockItem before, DateTimeOffset now)
    {
        Assert.Equal((command.MovementId, now), (@event.MovementId, @event.RecordedAt));
        switch (command)
        {
            case ReceiveStock c:
                Assert.Equal(c.Quantity, Assert.IsType<StockReceived>(@event).Quantity);
                break;
            case PickStock c:
                var picked = Assert.IsType<StockPicked>(@event);
                Assert.Equal((c.Quantity, c.ReservationId), (picked.Quantity, picked.ReservationId));
                break;
            case ReserveStock c:
                var reserved = Assert.IsType<StockReserved>(@event);
                Assert.Equal((c.Quantity, c.ReservationId), (reserved.Quantity, reserved.ReservationId));
                break;
            case ReleaseReservation c:
                var released = Assert.IsType<ReservationReleased>(@event);
                Assert.Equal((c.Quantity ?? before.Reservations[c.ReservationId], c.ReservationId), (released.Quantity, released.ReservationId));
                break;
            case AdjustStock c:
                var adjusted = Assert.IsType<StockAdjusted>(@event);
                Assert.Equal((c.Delta, c.Reason), (adjusted.Delta, adjusted.Reason));
                break;
            case CountStock c:
                var counted = Assert.IsType<StockCounted>(@event);
                Assert.Equal((c.CountedQuantity, c.CountedQuantity - before.OnHand), (counted.CountedQuantity, counted.Delta));
                break;
            case SetReorderPoint c:
                Assert.Equal(c.ReorderPoint, Assert.IsType<ReorderPointSet>(@event).ReorderPoint);
                break;
            default:
                Assert.Fail($"Unexpected command {command}.");
                break;
        }
    }

    private static void AssertInvariants(StockItem state)
    {
        Assert.True(state.OnHand >= 0, $"on-hand {state.OnHand} < 0");
        Assert.True(state.Reserved >= 0 && state.Reserved <= state.OnHand, $"reserved {state.Reserved} outside 0..on-hand {state.OnHand}");
        Assert.Equal(state.OnHand - state.Reserved, state.Available);
        Assert.Equal(state.Reservations.Values.Sum(), state.Reserved);
        Assert.All(state.Reservations, r => Assert.True(r.Value > 0, $"reservation {r.Key} holds {r.Value}"));
    }

    private static void AssertRoundTrips(StockItemEvent @event)
    {
        var serializer = StockItemEventTypes.Serializer;
        var (type, schemaVersion) = serializer.NameOf(@event);

        var read = serializer.Deserialize(type, schemaVersion, serializer.SerializeData(@event));

        Assert.Equal(@event, read);
        Assert.Equal(@event.RecordedAt.Offset, read.RecordedAt.Offset);
    }

    private static void CountAccepted(ConcurrentDictionary<string, int> outcomes, StockCommand command, StockItemEvent @event, StockItem before)
    {
        Count(outcomes, @event.GetType().Name);
        if (command is PickStock { ReservationId: { } pickedFrom } pick)
        {
            Count(outcomes, "pick via reservation");
            if (before.Reservations[pickedFrom] == pick.Quantity)
            {
                Count(outcomes, "pick closes reservation");
            }
        }

        if (command is ReleaseReservation { Quantity: null })
        {
            Count(outcomes, "release all that is left");
        }
    }

    private static void Count(ConcurrentDictionary<string, int> outcomes, string outcome) => outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    private static (long OnHand, long Reserved, long ReorderPoint, DateTimeOffset? LastMovementAt, string Reservations) Snapshot(StockItem state) =>
        (state.OnHand, state.Reserved, state.ReorderPoint, state.LastMovementAt, Sorted(state.Reservations));

    private static string Sorted(IEnumerable<KeyValuePair<string, long>> reservations) =>
        string.Join(", ", reservations.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));
}
