namespace Inventory.Contracts.Transfers;

/// <summary>Return what is still in transit to the source. Cancelling a cancelled transfer answers it as it stands.</summary>
[GenerateSerializer, Immutable, Alias("inventory.cancel-transfer")]
public sealed record CancelTransfer
{
    [Id(0)] public string? Reason { get; init; }
}
