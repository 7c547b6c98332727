using Inventory.Contracts.Projections;
using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Inventory.Domain.Tests.Contracts;

/// <summary>
/// Shard states as grain storage holds them (Orleans' binary serializer), written by the build of 2026-11-28 in which
/// <see cref="StockLevel"/> was a class. Views keep reading the states silos have stored, whatever the types became.
/// </summary>
public sealed class StoredViewStateTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 30, 15, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(WarehouseView).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void GivenAStoredWarehouseShard_WhenRead_ThenItsLevelsRecentMovementsAndCursorsAreThere()
    {
        var state = Serializer.Deserialize<ShardState<WarehouseView>>(Fixture("warehouse-shard-state-v1.b64"))!;

        Assert.Equal(new StreamCursor(3, 12), state.Streams["w1/a"]);
        Assert.Equal(new StreamCursor(1, 13), state.Streams["w1/b"]);
        AssertLevel(state.View.Items["a"], "w1", "a", onHand: 40, reserved: 5, reorderPoint: 50, version: 3, position: 12, At);
        AssertLevel(state.View.Items["b"], "w1", "b", onHand: 7, reserved: 0, reorderPoint: 0, version: 1, position: 13, At.AddSeconds(1));
        Assert.True(state.View.Items["a"].IsLow);
        Assert.Equal([13L, 12L], state.View.Recent.Select(r => r.Position));
        Assert.Equal(Guid.Parse("5d7b3a11-2f1e-4c33-8f55-0d1c2b3a4f02"), state.View.Recent[1].MovementId);
        Assert.Equal("stock-reserved", state.View.Recent[1].Type);
        Assert.Equal(4, state.View.MinuteCounts[At.ToUnixTimeSeconds() / 60]);
        Assert.Equal(4, state.View.Movements);
        Assert.Equal((4L, 0L, At.AddSeconds(2)), (state.Applied, state.Parked, state.LastAppliedAt));
    }

    [Fact]
    public void GivenAStoredSkuShard_WhenRead_ThenEveryWarehouseLevelIsThere()
    {
        var state = Serializer.Deserialize<ShardState<SkuView>>(Fixture("sku-shard-state-v1.b64"))!;

        Assert.Equal(new StreamCursor(2, 9), state.Streams["w2/a"]);
        AssertLevel(state.View.Skus["a"]["w1"], "w1", "a", onHand: 40, reserved: 5, reorderPoint: 50, version: 3, position: 12, At);
        AssertLevel(state.View.Skus["a"]["w2"], "w2", "a", onHand: 3, reserved: 3, reorderPoint: 1, version: 2, position: 9, At.AddSeconds(-5));
        Assert.Equal(new StockTotals(2, 43, 8, 35, 2), state.View.Stock("a").Totals);
        Assert.Equal((5L, 1L), (state.Applied, state.Parked));
    }

    private static void AssertLevel(StockLevel level, string warehouseId, string sku, long onHand, long reserved, int reorderPoint, int version, long position, DateTimeOffset lastMovementAt)
    {
        Assert.Equal((warehouseId, sku), (level.WarehouseId, level.Sku));
        Assert.Equal((onHand, reserved, reorderPoint), (level.OnHand, level.Reserved, level.ReorderPoint));
        Assert.Equal((version, position, lastMovementAt), (level.Version, level.Position, level.LastMovementAt));
    }

    private static byte[] Fixture(string fileName) =>
        Convert.FromBase64String(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName)));
}
