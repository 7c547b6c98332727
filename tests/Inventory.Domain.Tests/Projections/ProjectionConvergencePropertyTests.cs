using CsCheck;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;
using static Inventory.Domain.Tests.Projections.StockLog;

namespace Inventory.Domain.Tests.Projections;

/// <summary>
/// Random workloads over several items and warehouses, whose live deliveries are dropped, duplicated and reordered
/// at random, with the coordinator's catch-up of a random prefix of the log interleaved among them. Checked: after
/// the live deliveries alone, every view is exactly the replay of the events it has (no double counting, no holes);
/// after the catch-up of the rest, every view equals a fresh replay of the whole event store.
/// </summary>
public sealed class ProjectionConvergencePropertyTests
{
    private static readonly string[] Items = ["w1/a", "w1/b", "w1/c", "w2/a", "w2/b", "w3/c"];

    private static readonly Gen<(int Item, int Kind, int Quantity)[]> Steps =
        Gen.Select(Gen.Int[0, Items.Length - 1], Gen.Int[0, 5], Gen.Int[1, 8]).Array[1, 40];

    /// <summary>Per batch, how many times the live stream delivers it: 0 (lost), 1, or 2-3 (duplicated).</summary>
    private static readonly Gen<int[]> Copies = Gen.Frequency((2, Gen.Const(0)), (6, Gen.Const(1)), (2, Gen.Int[2, 3])).Array[40];

    [Fact]
    public void GivenDroppedDuplicatedAndReorderedDeliveries_WhenCaughtUpFromTheLog_ThenEveryViewEqualsAFreshReplay()
    {
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        Gen.Select(Steps, Copies, Gen.Int.Array[150], Gen.Double[0, 1], Gen.Double[0, 1])
            .Sample((steps, copies, order, catchUpAt, checkpoint) => Run(steps, copies, order, catchUpAt, checkpoint, shapes), iter: 400);

        // The generator must produce the cases the property is about.
        Assert.True(shapes.GetValueOrDefault("dropped") > 50 && shapes.GetValueOrDefault("duplicated") > 50 && shapes.GetValueOrDefault("gap filled") > 50,
            string.Join(", ", shapes.Select(p => $"{p.Key} {p.Value}")));
    }

    private static void Run(
        (int Item, int Kind, int Quantity)[] steps, int[] copies, int[] order, double catchUpAt, double checkpoint, Dictionary<string, int> shapes)
    {
        var log = new StockLog();
        foreach (var (item, kind, quantity) in steps)
        {
            log.ApplyAsync(Items[item], Commands(kind, quantity)).GetAwaiter().GetResult();
        }

        var live = log.Batches
            .SelectMany((batch, i) => Enumerable.Repeat(batch, copies[i % copies.Length]))
            .Select((batch, i) => (batch, key: order[i % order.Length]))
            .OrderBy(d => d.key)
            .Select(d => d.batch)
            .ToList();
        Count(shapes, "dropped", copies.Take(log.Batches.Count).Any(c => c == 0));
        Count(shapes, "duplicated", copies.Take(log.Batches.Count).Any(c => c > 1));

        var actual = new Views(log);
        var caughtUp = (int)(checkpoint * log.Log.Count);
        var catchUpIndex = (int)(catchUpAt * live.Count);
        for (var i = 0; i <= live.Count; i++)
        {
            if (i == catchUpIndex)
            {
                actual.Deliver(log.Log.Take(caughtUp));
            }

            if (i < live.Count)
            {
                actual.Deliver(live[i]);
            }
        }

        Count(shapes, "gap filled", actual.Environment.GapReads.Count > 0);
        AssertEachViewIsTheReplayOfWhatItHas(log, actual);

        actual.Deliver(log.Log.Skip(caughtUp));
        var replay = new Views(log);
        replay.Deliver(log.Log);
        Assert.Equal(replay.Text(), actual.Text());
        Assert.Equal(log.Log.Count, actual.Warehouses.Values.Sum(s => s.State.View.Movements));
    }

    private static void AssertEachViewIsTheReplayOfWhatItHas(StockLog log, Views actual)
    {
        var have = actual.Warehouses.Values.SelectMany(s => s.State.Streams).ToDictionary(p => p.Key, p => p.Value.Version, StringComparer.Ordinal);
        var prefix = new Views(log);
        prefix.Deliver(log.Log.Where(e => e.Version <= have.GetValueOrDefault(e.StreamId)));
        Assert.Equal(prefix.WarehouseText(), actual.WarehouseText());
        Assert.Equal(have.Values.Sum(), actual.Warehouses.Values.Sum(s => s.State.View.Movements));
    }

    private static StockCommand[] Commands(int kind, int quantity) => kind switch
    {
        0 => [Receive(quantity)],
        1 => [Pick(quantity)],
        2 => [Reserve(quantity, $"r-{quantity % 2}")],
        3 => [new ReleaseReservation { MovementId = Guid.NewGuid(), ReservationId = $"r-{quantity % 2}" }],
        4 => [ReorderAt(quantity)],
        _ => [Receive(quantity), Pick(1), ReorderAt(quantity / 2)],
    };

    private static void Count(Dictionary<string, int> shapes, string shape, bool happened)
    {
        if (happened)
        {
            lock (shapes)
            {
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            }
        }
    }

    /// <summary>The warehouses and SKUs projections as shards keyed by partition, fed like the coordinator and the router do.</summary>
    private sealed class Views(StockLog log)
    {
        public RecordingEnvironment Environment { get; } = new(log.Store);

        public Dictionary<string, ProjectionShard<WarehouseView>> Warehouses { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ProjectionShard<SkuView>> Skus { get; } = new(StringComparer.Ordinal);

        public void Deliver(IEnumerable<EventEnvelope> events)
        {
            foreach (var group in events.GroupBy(e => StandardProjections.Warehouses.PartitionOf(e.StreamId)))
            {
                Shard(Warehouses, group.Key).ApplyAsync(group.ToList()).GetAwaiter().GetResult();
            }

            foreach (var group in events.GroupBy(e => StandardProjections.Skus.PartitionOf(e.StreamId)))
            {
                Shard(Skus, group.Key).ApplyAsync(group.ToList()).GetAwaiter().GetResult();
            }
        }

        public string WarehouseText() =>
            string.Join("\n---\n", Warehouses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\n{ViewText.Of(p.Value.State.View)}"));

        public string Text() =>
            WarehouseText() + "\n===\n" + string.Join("\n---\n", Skus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\n{ViewText.Of(p.Value.State.View)}"));

        private ProjectionShard<TView> Shard<TView>(Dictionary<string, ProjectionShard<TView>> shards, string partition)
            where TView : IProjectionView, new()
        {
            if (!shards.TryGetValue(partition, out var shard))
            {
                shards[partition] = shard = new ProjectionShard<TView>(new ShardState<TView>(), Environment, ShardRetryPolicy.Default, TimeProvider.System);
            }

            return shard;
        }
    }
}
