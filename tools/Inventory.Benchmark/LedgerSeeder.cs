using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.StockItems;

namespace Inventory.Benchmark;

/// <summary>
/// Writes a ledger of a given size through the event store, as the silos would have: every event comes from the
/// domain's own decision (<see cref="StockItemDecisions.Decide"/>) on the item's folded state, so balances, reservations
/// and versions are what the grains would have written, and a snapshot is saved every
/// <see cref="StockItemOptions.SnapshotInterval"/> events. Items get their events with Zipf-skewed popularity (a few
/// long streams, a long tail); each item's events go in appends of up to 100, several items at a time, so the store's
/// writers coalesce them as they do live movements. Not a production path: for the ledger benchmark only.
/// </summary>
internal static class LedgerSeeder
{
    private const int AppendSize = 100;
    private const int Writers = 16;

    public static async Task<int> SeedAsync(IEventStore store, ItemSet items, long events, double skew, int snapshotInterval,
        Action<long> progress, CancellationToken cancellationToken)
    {
        var counts = new int[items.Keys.Count];
        var popularity = new ZipfSampler(counts.Length, skew);
        var random = new Random(11);
        for (long i = 0; i < events; i++)
        {
            counts[popularity.Next(random)]++;
        }

        var written = 0L;
        var next = -1;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        async Task WriteAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < counts.Length)
            {
                if (counts[index] == 0)
                {
                    continue;
                }

                await SeedItemAsync(new StockItemStream(store, items.Keys[index]), counts[index], new Random(index), start, snapshotInterval, cancellationToken);
                progress(Interlocked.Add(ref written, counts[index]));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync, cancellationToken)));
        return counts.Count(c => c > 0);
    }

    private static async Task SeedItemAsync(StockItemStream stream, int count, Random random, DateTimeOffset start, int snapshotInterval,
        CancellationToken cancellationToken)
    {
        var state = StockItem.Empty;
        var version = 0;
        var batch = new List<StockItemEvent>(AppendSize);
        var metadata = new EventMetadata(ScannerId: "ledger-seeder");
        // A year of movements, in order: recorded times rise with the version.
        var step = TimeSpan.FromDays(365) / Math.Max(count, 1);
        while (version + batch.Count < count)
        {
            var now = start + step * (version + batch.Count);
            var decision = StockItemDecisions.Decide(state, NextCommand(state, random), now);
            if (decision.Event is not { } @event)
            {
                continue; // a rule said no (e.g. a pick larger than what is available): draw another movement
            }

            state = StockItem.Evolve(state, @event);
            batch.Add(@event);
            var reached = version + batch.Count;
            if (batch.Count == AppendSize || reached == count || reached % snapshotInterval == 0)
            {
                var result = await stream.AppendAsync(version, batch, metadata, cancellationToken);
                if (!result.Stored)
                {
                    throw new InvalidOperationException($"Seeding {stream.StreamId} at v{version} failed: {result.Status}");
                }

                version = reached;
                batch.Clear();
                if (version % snapshotInterval == 0)
                {
                    await stream.SaveSnapshotAsync(state, version, now, cancellationToken);
                }
            }
        }
    }

    /// <summary>The movement mix of a warehouse: mostly receipts and picks, some reservations (picked or released),
    /// adjustments, counts and reorder points.</summary>
    private static StockCommand NextCommand(StockItem state, Random random)
    {
        var id = Guid.CreateVersion7();
        var roll = random.Next(100);
        var open = state.Reservations;
        return roll switch
        {
            < 35 => new ReceiveStock { MovementId = id, Quantity = random.Next(1, 50) },
            < 55 => new PickStock { MovementId = id, Quantity = random.Next(1, 10) },
            < 67 => new ReserveStock { MovementId = id, Quantity = random.Next(1, 10), ReservationId = $"order-{random.Next(1_000_000):D6}" },
            < 77 when open.Count > 0 => new PickStock { MovementId = id, Quantity = (int)Math.Min(open.First().Value, 5), ReservationId = open.First().Key },
            < 85 when open.Count > 0 => new ReleaseReservation { MovementId = id, ReservationId = open.Last().Key },
            < 91 => new AdjustStock { MovementId = id, Delta = random.Next(-3, 6), Reason = "damaged or found" },
            < 97 => new CountStock { MovementId = id, CountedQuantity = (int)Math.Max(state.OnHand + random.Next(-2, 3), state.Reserved) },
            _ => new SetReorderPoint { MovementId = id, ReorderPoint = random.Next(0, 30) },
        };
    }
}
