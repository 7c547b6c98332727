namespace Inventory.Contracts.Orders;

/// <summary>Give back everything the order still holds. Releasing a released order answers it as it stands.</summary>
[GenerateSerializer, Immutable, Alias("inventory.release-order")]
public sealed record ReleaseOrder
{
    [Id(0)] public string? Reason { get; init; }

    /// <summary>Who sent the request (the API key's name, see <see cref="Principals"/>); null when no authenticated caller is
    /// known. Kept in the metadata of the events it causes, the process's and its items'; not part of the request's content.</summary>
    [Id(1)] public string? Principal { get; init; }
}
