using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>The movements the benchmark sends: 70 % receipts of 1-19, 30 % picks of 1.</summary>
internal static class MovementCommands
{
    public static StockCommand Next(Random random) => random.Next(10) < 7
        ? new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = random.Next(1, 20), ScannerId = "bench" }
        : new PickStock { MovementId = Guid.NewGuid(), Quantity = 1, ScannerId = "bench" };
}
