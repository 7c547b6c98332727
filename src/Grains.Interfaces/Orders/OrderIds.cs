namespace Inventory.Contracts.Orders;

/// <summary>Order ids and the reservation id an order holds at each of its items: <c>o.{orderId}</c>. Order ids follow
/// the identifier rule but are at most <see cref="MaxLength"/> characters, so that the reservation id fits the rule's 64.</summary>
public static class OrderIds
{
    public const string ReservationPrefix = "o.";

    public const int MaxLength = 64 - 2;

    public const string Rule = "Must match [A-Za-z0-9._-]{1,62} (the order's reservation id at its items is o.{orderId}).";

    public static bool IsValid(string? orderId) => Identifiers.IsValid(orderId) && orderId.Length <= MaxLength;

    /// <summary>The reservation the order holds at every item of its lines.</summary>
    public static string ReservationId(string orderId) => ReservationPrefix + orderId;
}
