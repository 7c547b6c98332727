using CsCheck;
using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.PropertyBased;

/// <summary>Generators of stock commands and events: mostly valid and small, sometimes huge or invalid, with
/// reservation ids from a small pool so that they collide.</summary>
internal static class StockGen
{
    private const int Max = Quantities.Max;

    public static readonly Gen<Guid> MovementId = Gen.Frequency((40, Gen.Guid), (1, Gen.Const(Guid.Empty)));

    public static readonly Gen<int> Quantity = Gen.Frequency(
        (30, Gen.Int[1, 10]),
        (6, Gen.Int[11, 300]),
        (2, Gen.Int[Max - 5, Max + 5]),
        (2, Gen.OneOf(0, -1, -Max, int.MinValue, int.MaxValue)));

    public static readonly Gen<int> CountedQuantity = Gen.Frequency(
        (30, Gen.Int[0, 60]),
        (2, Gen.Int[Max - 5, Max + 5]),
        (2, Gen.OneOf(-1, int.MinValue, int.MaxValue)));

    public static readonly Gen<int> Delta = Gen.Frequency(
        (30, Gen.Int[-20, 20]),
        (2, Gen.Int[-Max - 5, -Max + 5]),
        (2, Gen.Int[Max - 5, Max + 5]),
        (1, Gen.OneOf(int.MinValue, int.MaxValue)));

    public static readonly Gen<int> ReorderPoint = Gen.Frequency(
        (20, Gen.Int[0, 50]),
        (2, Gen.Int[Max - 5, Max + 5]),
        (2, Gen.OneOf(-1, int.MinValue)));

    public static readonly Gen<string> Reason = Gen.Frequency(
        (20, Gen.OneOf("damaged", "found", " expired ")),
        (2, Gen.OneOf(string.Empty, " ", "\t\n", new string('x', 200), new string('x', 201))));

    public static readonly Gen<string> ReservationId = Gen.Frequency(
        (30, Gen.OneOf("r-1", "r-2", "r-3")),
        (2, Gen.OneOf(string.Empty, "r 1", "r-1\n", new string('r', 64), new string('r', 65))));

    public static readonly Gen<StockCommand> Command = Gen.Frequency(
        (6, Gen.Select(MovementId, Quantity, (id, q) => (StockCommand)new ReceiveStock { MovementId = id, Quantity = q })),
        (4, Gen.Select(MovementId, Quantity, Gen.Frequency((1, Gen.Const((string?)null)), (1, ReservationId.Select(r => (string?)r))), (id, q, r) =>
            (StockCommand)new PickStock { MovementId = id, Quantity = q, ReservationId = r })),
        (4, Gen.Select(MovementId, Quantity, ReservationId, (id, q, r) =>
            (StockCommand)new ReserveStock { MovementId = id, Quantity = q, ReservationId = r })),
        (3, Gen.Select(MovementId, ReservationId, Gen.Frequency((1, Gen.Const((int?)null)), (2, Quantity.Select(q => (int?)q))), (id, r, q) =>
            (StockCommand)new ReleaseReservation { MovementId = id, ReservationId = r, Quantity = q })),
        (2, Gen.Select(MovementId, Delta, Reason, (id, d, reason) => (StockCommand)new AdjustStock { MovementId = id, Delta = d, Reason = reason })),
        (1, Gen.Select(MovementId, CountedQuantity, (id, c) => (StockCommand)new CountStock { MovementId = id, CountedQuantity = c })),
        (1, Gen.Select(MovementId, ReorderPoint, (id, p) => (StockCommand)new SetReorderPoint { MovementId = id, ReorderPoint = p })));

    /// <summary>Any text that is valid UTF-16 (no lone surrogates), including non-ASCII and a surrogate pair.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (5, Gen.Char['\u0000', '\uD7FF'].Array[0, 24].Select(chars => new string(chars))),
        (1, Gen.OneOf("order-1", "dämaged <\"x\"> & \\ /", "📦 box", string.Empty)));

    private static readonly Gen<DateTimeOffset> Time = Gen.DateTimeOffset;

    private static readonly Gen<(Guid, DateTimeOffset, long, long)> Header = Gen.Select(Gen.Guid, Time, Gen.Long, Gen.Long);

    /// <summary>Events with arbitrary field values, not necessarily ones a decision would produce.</summary>
    public static readonly Gen<StockItemEvent> Event = Gen.OneOf<StockItemEvent>(
        Gen.Select(Header, Gen.Int, (h, q) => (StockItemEvent)new StockReceived
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, Quantity = q,
        }),
        Gen.Select(Header, Gen.Int, Text.Null(), (h, q, r) => (StockItemEvent)new StockPicked
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, Quantity = q, ReservationId = r,
        }),
        Gen.Select(Header, Gen.Int, Text, (h, q, r) => (StockItemEvent)new StockReserved
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, Quantity = q, ReservationId = r,
        }),
        Gen.Select(Header, Gen.Long, Text, (h, q, r) => (StockItemEvent)new ReservationReleased
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, Quantity = q, ReservationId = r,
        }),
        Gen.Select(Header, Gen.Int, Text, (h, d, reason) => (StockItemEvent)new StockAdjusted
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, Delta = d, Reason = reason,
        }),
        Gen.Select(Header, Gen.Int, Gen.Long, (h, c, d) => (StockItemEvent)new StockCounted
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, CountedQuantity = c, Delta = d,
        }),
        Gen.Select(Header, Gen.Int, (h, p) => (StockItemEvent)new ReorderPointSet
        {
            MovementId = h.Item1, RecordedAt = h.Item2, OnHandAfter = h.Item3, ReservedAfter = h.Item4, ReorderPoint = p,
        }));
}
