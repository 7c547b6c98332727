using Inventory.Contracts.Processes;

namespace Inventory.Contracts.Orders;

/// <summary>An order as it stands, with its own history.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-details")]
public sealed record OrderDetails
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required string WarehouseId { get; init; }

    /// <summary>One of <see cref="OrderStatuses"/>.</summary>
    [Id(2)] public required string Status { get; init; }

    [Id(3)] public required IReadOnlyList<OrderLineDetails> Lines { get; init; }

    [Id(4)] public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the last line was reserved; null until every line was.</summary>
    [Id(5)] public DateTimeOffset? ReservedAt { get; init; }

    /// <summary>When the order was fulfilled, released or failed; null while it is open.</summary>
    [Id(6)] public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The line an item refused to reserve, if one did.</summary>
    [Id(7)] public OrderFailure? Failure { get; init; }

    [Id(8)] public string? ReleaseReason { get; init; }

    /// <summary>The version of the order's log.</summary>
    [Id(9)] public required int Version { get; init; }

    [Id(10)] public required IReadOnlyList<ProcessHistoryEntry> History { get; init; }
}
