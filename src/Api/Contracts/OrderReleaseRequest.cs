namespace Inventory.Api.Contracts;

/// <summary>Release what an order still holds. The body may be left out.</summary>
public sealed record OrderReleaseRequest
{
    public string? Reason { get; init; }
}
