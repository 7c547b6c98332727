using Inventory.AsOf;
using Inventory.Contracts.AsOf;
using Inventory.Domain.Tests.Projections;

namespace Inventory.Domain.Tests.AsOf;

/// <summary>A warehouse's totals at an instant are read once while the instant is settled (a minute old), for ten minutes;
/// an instant closer to now is read every time.</summary>
public sealed class AsOfTotalsCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTime _time = new(Now);
    private int _reads;

    [Fact]
    public async Task GivenASettledInstant_WhenAskedTwice_ThenReadOnceUntilTheEntryExpires()
    {
        var cache = new AsOfTotalsCache(_time);
        var asOf = Now - AsOfTotalsCache.SettleTime;

        var first = await cache.GetAsync("w1", asOf, ReadAsync);
        var second = await cache.GetAsync("w1", asOf, ReadAsync);
        _time.Advance(AsOfTotalsCache.Lifetime);
        var third = await cache.GetAsync("w1", asOf, ReadAsync);

        Assert.Equal((1, 1, 2), (first.Items, second.Items, third.Items));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GivenAnInstantNotYetSettled_WhenAskedTwice_ThenReadTwice()
    {
        var cache = new AsOfTotalsCache(_time);
        var asOf = Now - AsOfTotalsCache.SettleTime + TimeSpan.FromTicks(10);

        await cache.GetAsync("w1", asOf, ReadAsync);
        await cache.GetAsync("w1", asOf, ReadAsync);

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GivenOtherWarehousesOrInstants_WhenAsked_ThenEachIsReadOnItsOwn()
    {
        var cache = new AsOfTotalsCache(_time);
        var asOf = Now.AddDays(-1);

        await cache.GetAsync("w1", asOf, ReadAsync);
        await cache.GetAsync("w10", asOf, ReadAsync);
        await cache.GetAsync("w1", asOf.AddTicks(10), ReadAsync);
        await cache.GetAsync("w1", asOf, ReadAsync);

        Assert.Equal(3, _reads);
    }

    private Task<StockTotalsAsOf> ReadAsync() => Task.FromResult(new StockTotalsAsOf(++_reads, 0, 0));
}
