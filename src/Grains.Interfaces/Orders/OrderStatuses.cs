namespace Inventory.Contracts.Orders;

/// <summary>Where an order stands; stable strings of the API.</summary>
public static class OrderStatuses
{
    /// <summary>Lines are being reserved (only seen while a step waits to be resumed).</summary>
    public const string Reserving = "reserving";

    /// <summary>Every line is reserved; the order holds what is not picked yet.</summary>
    public const string Reserved = "reserved";

    /// <summary>An accepted pick is being applied (only seen while a step waits to be resumed).</summary>
    public const string Picking = "picking";

    /// <summary>A release is giving back what the order holds (only seen while a step waits to be resumed).</summary>
    public const string Releasing = "releasing";

    /// <summary>The order holds nothing and not everything was picked: the rest went back (by its release, or at the items).</summary>
    public const string Released = "released";

    /// <summary>Every line was picked in full.</summary>
    public const string Fulfilled = "fulfilled";

    /// <summary>A line was refused at reservation; the lines reserved before it are going back (only seen while a step waits).</summary>
    public const string Compensating = "compensating";

    /// <summary>A line was refused at reservation and every line reserved before it went back: nothing is held.</summary>
    public const string Failed = "failed";
}
