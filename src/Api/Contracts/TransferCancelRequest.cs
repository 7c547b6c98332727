namespace Inventory.Api.Contracts;

/// <summary>Cancel a transfer: what is still in transit goes back to the source. The body may be left out.</summary>
public sealed record TransferCancelRequest
{
    public string? Reason { get; init; }
}
