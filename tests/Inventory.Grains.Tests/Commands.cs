using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Grains.Tests;

/// <summary>Short constructors for the commands the tests send.</summary>
internal static class Commands
{
    public static ReceiveStock Receive(int quantity, Guid? movementId = null) =>
        new() { MovementId = movementId ?? Guid.NewGuid(), Quantity = quantity, ScannerId = "scanner-7" };

    public static PickStock Pick(int quantity, Guid? movementId = null, string? reservationId = null) =>
        new() { MovementId = movementId ?? Guid.NewGuid(), Quantity = quantity, ReservationId = reservationId };

    public static ReserveStock Reserve(int quantity, string reservationId, Guid? movementId = null) =>
        new() { MovementId = movementId ?? Guid.NewGuid(), Quantity = quantity, ReservationId = reservationId };

    public static AdjustStock Adjust(int delta, string reason, Guid? movementId = null) =>
        new() { MovementId = movementId ?? Guid.NewGuid(), Delta = delta, Reason = reason };
}
