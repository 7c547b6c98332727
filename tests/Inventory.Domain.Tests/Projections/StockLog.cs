using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Projections;

/// <summary>Stock items written through the domain rules into an in-memory event store; <see cref="Log"/> is every
/// stored event as an envelope in global order, <see cref="Batches"/> what each append would have published.</summary>
internal sealed class StockLog
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, (StockItem Item, int Version)> _items = new(StringComparer.Ordinal);
    private int _clock;

    public InMemoryEventStore Store { get; } = new();

    public List<EventEnvelope> Log { get; } = [];

    public List<IReadOnlyList<EventEnvelope>> Batches { get; } = [];

    /// <summary>Decides the commands in order on the item and appends the accepted ones as one batch; returns the rejected count.</summary>
    public async Task<int> ApplyAsync(string streamId, params StockCommand[] commands)
    {
        var (item, version) = _items.GetValueOrDefault(streamId, (StockItem.Empty, 0));
        var accepted = new List<(StockItemEvent, EventMetadata)>();
        var rejected = 0;
        foreach (var command in commands)
        {
            var decision = StockItemDecisions.Decide(item, command, Start.AddSeconds(17 * ++_clock));
            if (decision.Event is { } e)
            {
                accepted.Add((e, new EventMetadata(Principal: command.Principal)));
                item = StockItem.Evolve(item, e);
            }
            else
            {
                rejected++;
            }
        }

        if (accepted.Count == 0)
        {
            return rejected;
        }

        var result = await new StockItemStream(Store, streamId).AppendAsync(version, accepted);
        Assert.Equal(AppendStatus.Appended, result.Status);
        var stored = await Store.ReadStreamAsync(streamId, version, accepted.Count);
        var batch = stored.Select(e => e.ToEnvelope()).ToList();
        Log.AddRange(batch);
        Batches.Add(batch);
        _items[streamId] = (item, version + accepted.Count);
        return rejected;
    }

    public static ReceiveStock Receive(int quantity) => new() { MovementId = Guid.NewGuid(), Quantity = quantity };

    public static PickStock Pick(int quantity) => new() { MovementId = Guid.NewGuid(), Quantity = quantity };

    public static ReserveStock Reserve(int quantity, string reservation) => new() { MovementId = Guid.NewGuid(), Quantity = quantity, ReservationId = reservation };

    public static SetReorderPoint ReorderAt(int point) => new() { MovementId = Guid.NewGuid(), ReorderPoint = point };
}
