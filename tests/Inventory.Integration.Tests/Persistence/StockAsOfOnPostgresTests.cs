using Inventory.Contracts.AsOf;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Integration.Tests.Persistence;

/// <summary>Stock as of an instant on the silo's own PostgreSQL composition: the ledger's answer for each item is the
/// item's own as-of state (its events folded up to that instant).</summary>
[Collection(SiloCollection.Name)]
public sealed class StockAsOfOnPostgresTests(InProcessPostgresSilo silo) : IClassFixture<InProcessPostgresSilo>
{
    private IGrainFactory Grains => silo.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task GivenMovementsAroundAnInstant_WhenReadingTheWarehouseAndASkuAsOfIt_ThenEachItemAsItsOwnFoldSaysAndTheTotals()
    {
        var warehouse = $"wh-{Guid.NewGuid():N}"[..12];
        var skus = new[] { "sku-a", "sku-b", "sku-c" };
        foreach (var name in skus)
        {
            await MoveAsync($"{warehouse}/{name}", new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 20 });
            await MoveAsync($"{warehouse}/{name}", new ReserveStock { MovementId = Guid.NewGuid(), Quantity = 5, ReservationId = "order-1" });
        }

        await MoveAsync($"{warehouse}/sku-a", new PickStock { MovementId = Guid.NewGuid(), Quantity = 5, ReservationId = "order-1" });
        await MoveAsync($"{warehouse}-2/sku-a", new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 7 });
        await Task.Delay(5);
        var asOf = DateTimeOffset.UtcNow;
        await Task.Delay(5);
        await MoveAsync($"{warehouse}/sku-b", new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 100 });
        await MoveAsync($"{warehouse}/sku-d", new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 1 });

        var ledger = Grains.GetGrain<IStockLedgerGrain>(0);
        var first = await ledger.GetWarehouseStockAsync(warehouse, asOf, null, 2, withTotals: true);
        var second = await ledger.GetWarehouseStockAsync(warehouse, asOf, first.Next, 2, withTotals: true);
        var sku = await ledger.GetSkuStockAsync("sku-a", asOf);

        Assert.Equal(["sku-a", "sku-b"], first.Items.Select(l => l.Sku));
        Assert.Equal("sku-b", first.Next);
        Assert.Equal(["sku-c"], second.Items.Select(l => l.Sku));
        Assert.Null(second.Next);
        foreach (var level in first.Items.Concat(second.Items))
        {
            var fold = await Grains.GetStockItem($"{warehouse}/{level.Sku}").GetDetailsAsOfAsync(asOf);
            Assert.NotNull(fold);
            Assert.Equal((fold.OnHand, fold.Reserved, fold.Version), (level.OnHand, level.Reserved, level.Version));
        }

        Assert.Equal(new StockTotalsAsOf(3, 55, 10), first.Totals);
        Assert.Equal(first.Totals, second.Totals);
        Assert.Equal([(warehouse, 15L, 0L), ($"{warehouse}-2", 7L, 0L)], sku.Warehouses.Select(w => (w.WarehouseId, w.OnHand, w.Reserved)));
    }

    private async Task MoveAsync(string key, StockCommand command)
    {
        var result = await Grains.GetStockItem(key).ExecuteAsync(command);
        Assert.Null(result.Rejection);
    }
}
