namespace Inventory.Api.Contracts;

/// <summary>An order's line: requested, reserved, picked, released by the order, released outside it (its reservation
/// found gone at the item), and still held (reserved - picked - released - releasedOutside).</summary>
public sealed record OrderLineResponse(string Sku, int Requested, long Reserved, long Picked, long Released, long ReleasedOutside, long Held);
