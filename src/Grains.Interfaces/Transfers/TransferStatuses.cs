namespace Inventory.Contracts.Transfers;

/// <summary>Where a transfer stands; stable strings of the API.</summary>
public static class TransferStatuses
{
    /// <summary>Lines are being dispatched at the source (only seen while a step waits to be resumed).</summary>
    public const string Dispatching = "dispatching";

    /// <summary>Every line left the source; some of it has not arrived yet.</summary>
    public const string InTransit = "in-transit";

    /// <summary>Everything dispatched arrived.</summary>
    public const string Completed = "completed";

    /// <summary>A cancel is returning what is in transit (only seen while a step waits to be resumed).</summary>
    public const string Cancelling = "cancelling";

    /// <summary>Cancelled: what had not arrived went back to the source.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A line was refused at dispatch; the lines dispatched before it are going back (only seen while a step waits).</summary>
    public const string Compensating = "compensating";

    /// <summary>A line was refused at dispatch and every line dispatched before it went back: nothing moved.</summary>
    public const string Failed = "failed";
}
