namespace Inventory.Api.Contracts;

/// <summary>Move stock from one warehouse to another. <see cref="TransferId"/> is the client's: sending the same
/// request again answers the transfer as it stands.</summary>
public sealed record TransferRequest
{
    public required string TransferId { get; init; }

    public required string FromWarehouseId { get; init; }

    public required string ToWarehouseId { get; init; }

    /// <summary>1 to 100 lines, each SKU once.</summary>
    public required IReadOnlyList<TransferLineRequest> Lines { get; init; }

    public string? Reason { get; init; }
}
