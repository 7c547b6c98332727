namespace Inventory.Contracts.Transfers;

/// <summary>Return what is still in transit to the source. Cancelling a cancelled transfer answers it as it stands.</summary>
[GenerateSerializer, Immutable, Alias("inventory.cancel-transfer")]
public sealed record CancelTransfer
{
    [Id(0)] public string? Reason { get; init; }

    /// <summary>Who sent the request (the API key's name, see <see cref="Principals"/>); null when no authenticated caller is
    /// known. Kept in the metadata of the events it causes, the process's and its items'; not part of the request's content.</summary>
    [Id(1)] public string? Principal { get; init; }
}
