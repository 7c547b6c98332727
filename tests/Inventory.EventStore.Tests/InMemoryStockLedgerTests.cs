using Inventory.EventStore.Tests.Contract;
using Inventory.AsOf;

namespace Inventory.EventStore.Tests;

/// <summary>The stock ledger contract against <see cref="LogScanStockLedger"/> over the in-memory store.</summary>
public sealed class InMemoryStockLedgerTests : StockLedgerContract
{
    protected override Task<(IEventStore Store, IStockLedger Ledger)> CreateAsync()
    {
        var store = new InMemoryEventStore();
        return Task.FromResult<(IEventStore, IStockLedger)>((store, new LogScanStockLedger(store)));
    }
}
