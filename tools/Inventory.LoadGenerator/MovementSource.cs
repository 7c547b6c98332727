using System.Collections.Concurrent;

namespace Inventory.LoadGenerator;

/// <summary>Makes the next movement: an item drawn with Zipf popularity, a type drawn from the mix. Releases take a
/// reservation made earlier (a receive when there is none); reservations answered 201 go back in via
/// <see cref="Answered"/>.</summary>
internal sealed class MovementSource(LoadOptions options)
{
    private const int MaxOpenReservations = 10_000;

    private readonly (string Warehouse, string Sku)[] _items = Enumerable.Range(0, options.Items)
        .Select(i => ($"wh-{i % options.Warehouses:D2}", $"sku-{i:D6}")).ToArray();

    private readonly ZipfSampler _popularity = new(options.Items, options.Skew);
    private readonly ConcurrentQueue<Reservation> _reservations = new();

    public MovementBody Next(Random random, string scannerId)
    {
        var type = options.Mix.Next(random);
        if (type == "release" && _reservations.TryDequeue(out var open))
        {
            return new MovementBody(Guid.NewGuid(), open.WarehouseId, open.Sku, "release", ReservationId: open.ReservationId, ScannerId: scannerId);
        }

        var (warehouse, sku) = _items[_popularity.Next(random)];
        var id = Guid.NewGuid();
        return type switch
        {
            "pick" => new MovementBody(id, warehouse, sku, "pick", random.Next(1, 4), ScannerId: scannerId),
            "reserve" => new MovementBody(id, warehouse, sku, "reserve", random.Next(1, 4), $"r-{id:N}", ScannerId: scannerId),
            "adjust" => new MovementBody(id, warehouse, sku, "adjust", random.Next(-2, 6) is var d && d != 0 ? d : 1, Reason: "load-test", ScannerId: scannerId),
            "count" => new MovementBody(id, warehouse, sku, "count", random.Next(20, 200), ScannerId: scannerId),
            _ => new MovementBody(id, warehouse, sku, "receive", random.Next(1, 21), ScannerId: scannerId),
        };
    }

    /// <summary>Keeps a reservation answered 201 for a later release.</summary>
    public void Answered(MovementBody movement, int status)
    {
        if (movement.Type == "reserve" && status == 201 && _reservations.Count < MaxOpenReservations)
        {
            _reservations.Enqueue(new Reservation(movement.WarehouseId, movement.Sku, movement.ReservationId!));
        }
    }
}
