using System.Runtime.CompilerServices;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Contracts;

/// <summary>Old events stay readable forever: the fixture of stored events of every type and schema version
/// replays to a state computed by hand.</summary>
public sealed class StoredEventReplayTests
{
    private const string FixtureFile = "stored-events-v1.json";

    private static readonly IReadOnlyList<StoredEventFixture> Fixture = StoredEventFixture.Load(FixtureFile);

    [Fact]
    public void GivenTheFixture_WhenListingItsTypesAndVersions_ThenEveryVersionOfEveryEventTypeIsThere()
    {
        var expected = ConcreteEventTypes()
            .Select(type => StockItemEventTypes.Serializer.NameOf((StockItemEvent)RuntimeHelpers.GetUninitializedObject(type)))
            .SelectMany(current => Enumerable.Range(1, current.Version).Select(version => $"{current.Name} v{version}"))
            .Order(StringComparer.Ordinal);

        var actual = Fixture.Select(e => $"{e.Type} v{e.SchemaVersion}").Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void GivenTheFixture_WhenReplayed_ThenStateIsTheHandComputedOne()
    {
        var state = StockItem.Fold(Fixture.Select(e => StockItemEventTypes.Serializer.Deserialize(e.Type, e.SchemaVersion, e.DataJson)));

        // 100 received, 30 + 10 reserved, 12 picked via order-1, 8 picked free, 4 of order-2 released,
        // adjusted -5 (v1 decrease), +2 (v1 increase), -3 (v2), counted 70, the 18 left on order-1 released,
        // 10 dispatched on transfer t-1 and 4 of them returned, 6 received from transfer t-2.
        Assert.Equal(70, state.OnHand);
        Assert.Equal(6, state.Reserved);
        Assert.Equal(64, state.Available);
        Assert.Equal(20, state.ReorderPoint);
        Assert.Equal(KeyValuePair.Create("order-2", 6L), Assert.Single(state.Reservations));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 8, 15, 0, TimeSpan.Zero), state.LastMovementAt);
    }

    [Fact]
    public void GivenTheFixture_WhenReplayedEventByEvent_ThenEveryEventsBalancesMatchTheStateAfterIt()
    {
        var state = StockItem.Empty;
        foreach (var stored in Fixture)
        {
            var @event = StockItemEventTypes.Serializer.Deserialize(stored.Type, stored.SchemaVersion, stored.DataJson);
            state = StockItem.Evolve(state, @event);

            Assert.Equal((stored.Version, @event.OnHandAfter, @event.ReservedAfter), (stored.Version, state.OnHand, state.Reserved));
            Assert.True(state.Reserved >= 0 && state.Reserved <= state.OnHand, $"Invariant broken after version {stored.Version}.");
        }
    }

    [Fact]
    public void GivenTheFixture_WhenReadingTheV1Decrease_ThenItIsAStockAdjustedWithANegativeDelta()
    {
        var stored = Fixture.Single(e => e.Version == 8);
        Assert.Equal(("stock-adjusted", 1), (stored.Type, stored.SchemaVersion));

        var @event = StockItemEventTypes.Serializer.Deserialize(stored.Type, stored.SchemaVersion, stored.DataJson);

        Assert.Equal(
            new StockAdjusted
            {
                MovementId = Guid.Parse("0195e3a1-7c00-7000-8000-000000000008"),
                RecordedAt = new DateTimeOffset(2024, 5, 2, 8, 8, 0, TimeSpan.Zero),
                Delta = -5,
                Reason = "damaged",
                OnHandAfter = 75,
                ReservedAfter = 24,
            },
            @event);
    }

    [Fact]
    public void GivenTheFixture_WhenReadingTheV1Increase_ThenItIsAStockAdjustedWithAPositiveDelta()
    {
        var stored = Fixture.Single(e => e.Version == 9);
        Assert.Equal(("stock-adjusted", 1), (stored.Type, stored.SchemaVersion));

        var @event = StockItemEventTypes.Serializer.Deserialize(stored.Type, stored.SchemaVersion, stored.DataJson);

        Assert.Equal(
            new StockAdjusted
            {
                MovementId = Guid.Parse("0195e3a1-7c00-7000-8000-000000000009"),
                RecordedAt = new DateTimeOffset(2024, 5, 2, 8, 9, 0, TimeSpan.Zero),
                Delta = 2,
                Reason = "found on another shelf",
                OnHandAfter = 77,
                ReservedAfter = 24,
            },
            @event);
    }

    internal static IEnumerable<Type> ConcreteEventTypes() =>
        typeof(StockItemEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StockItemEvent)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
