namespace Inventory.Contracts.Orders;

/// <summary>Give back everything the order still holds. Releasing a released order answers it as it stands.</summary>
[GenerateSerializer, Immutable, Alias("inventory.release-order")]
public sealed record ReleaseOrder
{
    [Id(0)] public string? Reason { get; init; }
}
