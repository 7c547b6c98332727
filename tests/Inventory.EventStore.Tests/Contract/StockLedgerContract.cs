using Inventory.Contracts.EventStore;
using Inventory.Contracts.AsOf;
using Inventory.AsOf;

namespace Inventory.EventStore.Tests.Contract;

/// <summary>
/// What every <see cref="IStockLedger"/> must answer, over the events of an <see cref="IEventStore"/>. Each test uses its
/// own warehouse ids and SKUs (a new base name), so the tests can share a store's backing database.
/// </summary>
public abstract class StockLedgerContract : IAsyncLifetime
{
    /// <summary>Microseconds, as the stores keep them.</summary>
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    private readonly string _base = $"w{Guid.NewGuid():N}"[..13];

    private (IEventStore Store, IStockLedger Ledger)? _subject;

    private IEventStore Store => _subject?.Store ?? throw new InvalidOperationException("Created in InitializeAsync.");

    private IStockLedger Ledger => _subject?.Ledger ?? throw new InvalidOperationException("Created in InitializeAsync.");

    public async Task InitializeAsync() => _subject = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (_subject?.Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected abstract Task<(IEventStore Store, IStockLedger Ledger)> CreateAsync();

    [Fact]
    public async Task GivenItemsWithEventsBeforeAndAfterAsOf_WhenReadingTheWarehouse_ThenEachItemsBalancesAfterItsLastEventByThen()
    {
        var w = _base;
        await AppendAsync($"{w}/a", (0, 10, 0), (1, 10, 3), (5, 4, 3));
        await AppendAsync($"{w}/b", (2, 7, 0));
        await AppendAsync($"{w}/c", (4, 9, 0));

        var levels = await Ledger.ReadWarehouseAsync(w, T0.AddMinutes(3), null, 100);
        var totals = await Ledger.ReadWarehouseTotalsAsync(w, T0.AddMinutes(3));

        Assert.Equal(
            [(w, "a", 10L, 3L, 7L, 2, T0.AddMinutes(1)), (w, "b", 7L, 0L, 7L, 1, T0.AddMinutes(2))],
            levels.Select(l => (l.WarehouseId, l.Sku, l.OnHand, l.Reserved, l.Available, l.Version, l.LastMovementAt)));
        Assert.Equal((2, 17L, 3L, 14L), (totals.Items, totals.OnHand, totals.Reserved, totals.Available));
    }

    [Fact]
    public async Task GivenAnEventRecordedExactlyAtAsOf_WhenReading_ThenItCounts()
    {
        var appended = await AppendAsync($"{_base}/a", (1, 5, 1));

        var level = Assert.Single(await Ledger.ReadWarehouseAsync(_base, T0.AddMinutes(1).AddTicks(9), null, 10));
        var before = await Ledger.ReadWarehouseAsync(_base, T0.AddMinutes(1).AddTicks(-10), null, 10);

        Assert.Equal((5L, 1L, 1, appended[0]), (level.OnHand, level.Reserved, level.Version, level.Position));
        Assert.Empty(before);
    }

    [Fact]
    public async Task GivenWarehousesWithPrefixSimilarIdsAndOtherStreams_WhenReadingOne_ThenOnlyItsItems()
    {
        var w = $"{_base}1";
        await AppendAsync($"{w}/a", (0, 1, 0));
        await AppendAsync($"{w}/z_9", (0, 2, 0));
        await AppendAsync($"{_base}10/a", (0, 100, 0));
        await AppendAsync($"{_base}1_/a", (0, 1000, 0));
        await AppendAsync($"{_base}1-x/a", (0, 10_000, 0));
        await AppendAsync($"{_base}1.x/a", (0, 20_000, 0));
        await AppendAsync($"{_base}/a", (0, 40_000, 0));
        await AppendAsync($"transfer:{w}", (0, 50_000, 0));
        await AppendAsync($"{w}:order", (0, 60_000, 0));
        await AppendAsync(w, (0, 70_000, 0));

        var levels = await Ledger.ReadWarehouseAsync(w, T0.AddHours(1), null, 100);
        var totals = await Ledger.ReadWarehouseTotalsAsync(w, T0.AddHours(1));
        var tenth = await Ledger.ReadWarehouseAsync($"{_base}10", T0.AddHours(1), null, 100);
        var underscore = await Ledger.ReadWarehouseTotalsAsync($"{_base}1_", T0.AddHours(1));

        Assert.Equal(["a", "z_9"], levels.Select(l => l.Sku));
        Assert.Equal((2, 3L), (totals.Items, totals.OnHand));
        Assert.Equal([100L], tenth.Select(l => l.OnHand));
        Assert.Equal((1, 1000L), (underscore.Items, underscore.OnHand));
    }

    [Fact]
    public async Task GivenFiveItems_WhenPagingTwoAtATime_ThenPagesFollowInOrdinalSkuOrderWithoutOverlap()
    {
        foreach (var sku in new[] { "b", "B", "a-1", "a_1", "a.1" })
        {
            await AppendAsync($"{_base}/{sku}", (0, 1, 0));
        }

        var asOf = T0.AddMinutes(1);
        var first = await Ledger.ReadWarehouseAsync(_base, asOf, null, 2);
        var second = await Ledger.ReadWarehouseAsync(_base, asOf, first[^1].Sku, 2);
        var third = await Ledger.ReadWarehouseAsync(_base, asOf, second[^1].Sku, 2);
        var past = await Ledger.ReadWarehouseAsync(_base, asOf, third[^1].Sku, 2);
        var none = await Ledger.ReadWarehouseAsync(_base, asOf, null, 0);

        Assert.Equal(["B", "a-1"], first.Select(l => l.Sku));
        Assert.Equal(["a.1", "a_1"], second.Select(l => l.Sku));
        Assert.Equal(["b"], third.Select(l => l.Sku));
        Assert.Empty(past);
        Assert.Empty(none);
    }

    [Fact]
    public async Task GivenAnEmptyWarehouse_WhenReading_ThenNoItemsAndZeroTotals()
    {
        Assert.Empty(await Ledger.ReadWarehouseAsync(_base, T0.AddYears(1), null, 10));
        Assert.Equal(StockTotalsAsOf.None, await Ledger.ReadWarehouseTotalsAsync(_base, T0.AddYears(1)));
        Assert.Empty(await Ledger.ReadSkuAsync(_base, T0.AddYears(1)));
    }

    [Fact]
    public async Task GivenASkuInSeveralWarehouses_WhenReadingIt_ThenEachWarehouseThatHadItThenInOrdinalWarehouseIdOrder()
    {
        var sku = $"s{_base}";
        await AppendAsync($"{_base}1/{sku}", (0, 1, 0), (10, 5, 0));
        await AppendAsync($"{_base}10/{sku}", (1, 2, 1));
        await AppendAsync($"{_base}1_/{sku}", (2, 4, 0));
        await AppendAsync($"{_base}1-2/{sku}", (2, 3, 0));
        await AppendAsync($"{_base}2/{sku}", (10, 8, 0));
        await AppendAsync($"{_base}3/{sku}-x", (0, 16, 0));
        await AppendAsync($"{_base}3/x{sku}", (0, 32, 0));
        await AppendAsync($"transfer:{sku}", (0, 64, 0));
        await AppendAsync($"order:{_base}", (0, 128, 0));
        await AppendAsync(sku, (0, 256, 0));

        var levels = await Ledger.ReadSkuAsync(sku, T0.AddMinutes(5));

        Assert.Equal(
            [($"{_base}1", 1L, 0L), ($"{_base}1-2", 3L, 0L), ($"{_base}10", 2L, 1L), ($"{_base}1_", 4L, 0L)],
            levels.Select(l => (l.WarehouseId, l.OnHand, l.Reserved)));
        Assert.All(levels, l => Assert.Equal(sku, l.Sku));
    }

    [Fact]
    public async Task GivenRecordedTimesOutOfVersionOrder_WhenReading_ThenTheHighestVersionRecordedByThen()
    {
        // Clocks of different silos: version 2 says it was recorded before version 1. As IEventStore.GetVersionAtAsync.
        await AppendAsync($"{_base}/a", (2, 1, 0), (1, 2, 0));

        var level = Assert.Single(await Ledger.ReadWarehouseAsync(_base, T0.AddMinutes(1), null, 10));

        Assert.Equal((2, 2L), (level.Version, level.OnHand));
        Assert.Equal(2, await Store.GetVersionAtAsync($"{_base}/a", T0.AddMinutes(1)));
    }

    /// <summary>Appends events at minutes after T0 carrying (onHandAfter, reservedAfter); their global positions.</summary>
    private async Task<IReadOnlyList<long>> AppendAsync(string streamId, params (int Minute, long OnHand, long Reserved)[] events)
    {
        var data = events.Select(e =>
        {
            var movement = Guid.NewGuid();
            return new EventData(
                DeterministicGuid.ForEvent(streamId, movement),
                movement,
                "test-counted",
                1,
                $$"""{"movementId":"{{movement}}","onHandAfter":{{e.OnHand}},"reservedAfter":{{e.Reserved}},"quantity":1}""",
                "{}",
                T0.AddMinutes(e.Minute));
        }).ToArray();
        var result = await Store.AppendAsync(streamId, 0, data);
        Assert.Equal(AppendStatus.Appended, result.Status);
        return result.Positions;
    }
}
