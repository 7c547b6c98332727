using CsCheck;
using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.StockItems;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.PropertyBased;

/// <summary>
/// Random interleavings of transfer requests (start, receipts, cancels), their steps (some lost after the item applied
/// them), repeated and reordered deliveries of earlier requests, and plain movements on the same items. After every
/// operation no item's invariants are broken and, for every transfer and SKU, received + returned never exceeds
/// dispatched in the ledger; in the end every transfer has completed, been cancelled or failed (compensated), with
/// nothing in transit and its own books equal to the ledger's.
/// </summary>
public sealed class TransferPropertyTests
{
    private const int TransferIds = 4;

    [Fact]
    public void GivenAnyInterleavingOfTransfersMovementsAndRepeats_ThenNoUnitIsCreatedOrLostAndEveryTransferEnds()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Gen.Int[0, int.MaxValue].Array[10, 120].Sample(ops => Run(ops, seen), iter: 500);

        // The generator must reach these, or the property proves less than it seems to.
        string[] expected =
        [
            nameof(TransferDispatched), nameof(TransferReceived), nameof(TransferReturned), nameof(TransferCompleted), nameof(TransferCancelled),
            nameof(TransferFailed), "outcome lost", "item repeat", "request repeat", RejectionCodes.InsufficientStock, TransferRejectionCodes.OverReceipt,
            TransferRejectionCodes.NotInTransit,
        ];
        Assert.Superset(expected.ToHashSet(StringComparer.Ordinal), seen.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static void Run(int[] ops, System.Collections.Concurrent.ConcurrentDictionary<string, int> seen)
    {
        var world = new TransferWorld();
        var requests = new List<(string TransferId, Func<TransferState, DateTimeOffset, Processes.ProcessDecision<TransferEvent>> Decide)>();
        foreach (var op in ops)
        {
            var random = new Random(op);
            var transferId = $"t-{random.Next(TransferIds)}";
            var from = TransferWorld.Warehouses[random.Next(TransferWorld.Warehouses.Length)];
            var sku = TransferWorld.Skus[random.Next(TransferWorld.Skus.Length)];
            switch (op % 10)
            {
                case 0:
                    var to = TransferWorld.Warehouses.Where(w => w != from).ElementAt(random.Next(TransferWorld.Warehouses.Length - 1));
                    StartTransfer start = new()
                    {
                        FromWarehouseId = from,
                        ToWarehouseId = to,
                        Lines = [.. TransferWorld.Skus.Where(_ => random.Next(3) > 0).DefaultIfEmpty(sku).Select(s => new TransferLine(s, random.Next(1, 8)))],
                    };
                    requests.Add((transferId, (state, now) => TransferDecisions.Start(state, transferId, start, now)));
                    world.Request(transferId, requests[^1].Decide);
                    break;
                case 1:
                    var receipt = new ReceiveTransferLines { ReceiptId = new Guid(random.Next(8), 0, 0, new byte[8]), Lines = [new(sku, random.Next(1, 6))] };
                    requests.Add((transferId, (state, now) => TransferDecisions.Receive(state, receipt, now)));
                    world.Request(transferId, requests[^1].Decide);
                    break;
                case 2:
                    requests.Add((transferId, (state, now) => TransferDecisions.Cancel(state, new CancelTransfer(), now)));
                    world.Request(transferId, requests[^1].Decide);
                    break;
                case 3 when requests.Count > 0:
                    // A request delivered again, out of order.
                    var (again, decide) = requests[random.Next(requests.Count)];
                    world.Request(again, decide);
                    break;
                case 4 or 5:
                    world.Step(transferId, lose: false);
                    break;
                case 6:
                    world.Step(transferId, lose: true);
                    break;
                case 7:
                    world.Execute(StockItemKey.Create(from, sku), new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = random.Next(1, 10) });
                    break;
                case 8:
                    world.Execute(StockItemKey.Create(from, sku), new PickStock { MovementId = Guid.NewGuid(), Quantity = random.Next(1, 10) });
                    break;
                default:
                    world.Execute(StockItemKey.Create(from, sku), new ReserveStock { MovementId = Guid.NewGuid(), Quantity = random.Next(1, 4), ReservationId = $"r-{random.Next(3)}" });
                    break;
            }

            AssertSound(world);
        }

        // Let every transfer come to rest, cancel what is still on the road, and let those come to rest too.
        foreach (var id in world.Transfers.Keys.ToList())
        {
            world.RunToRest(id);
            if (world.Transfers[id].Status == TransferStatuses.InTransit)
            {
                world.Request(id, (state, now) => TransferDecisions.Cancel(state, new CancelTransfer(), now));
                world.RunToRest(id);
            }

            AssertSound(world);
        }

        var sums = world.LedgerSums();
        foreach (var (id, state) in world.Transfers.Where(t => t.Value.Exists))
        {
            Assert.Contains(state.Status, new[] { TransferStatuses.Completed, TransferStatuses.Cancelled, TransferStatuses.Failed });
            foreach (var line in state.Lines)
            {
                var (dispatched, received, returned) = sums.GetValueOrDefault((id, line.Sku));
                Assert.Equal((dispatched, received, returned), (line.Dispatched, line.Received, line.Returned));
                Assert.Equal(dispatched, received + returned);
            }
        }

        foreach (var (outcome, count) in world.Outcomes)
        {
            seen.AddOrUpdate(outcome, count, (_, n) => n + count);
        }
    }

    private static void AssertSound(TransferWorld world)
    {
        foreach (var ((transfer, sku), (dispatched, received, returned)) in world.LedgerSums())
        {
            Assert.True(received + returned <= dispatched, $"{transfer}/{sku}: received {received} + returned {returned} > dispatched {dispatched}");
        }

        foreach (var warehouse in TransferWorld.Warehouses)
        {
            foreach (var sku in TransferWorld.Skus)
            {
                var item = world.ItemState(StockItemKey.Create(warehouse, sku));
                Assert.True(item.OnHand >= 0 && item.Reserved >= 0 && item.Reserved <= item.OnHand, $"{warehouse}/{sku}: on hand {item.OnHand}, reserved {item.Reserved}");
            }
        }
    }
}
