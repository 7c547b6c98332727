namespace Inventory.Contracts.StockItems;

/// <summary>
/// The answer to a stock command. When accepted, it tells the item's version and balances right after
/// the movement and the event's global position; a retried movement gets the very same answer with
/// <see cref="Duplicate"/> set. When refused, <see cref="Rejection"/> says why and nothing was written.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.movement-result")]
public sealed record MovementResult
{
    [Id(0)] public required Guid MovementId { get; init; }

    [Id(1)] public Rejection? Rejection { get; init; }

    [Id(2)] public bool Duplicate { get; init; }

    [Id(3)] public int Version { get; init; }

    [Id(4)] public long Position { get; init; }

    [Id(5)] public long OnHand { get; init; }

    [Id(6)] public long Reserved { get; init; }

    public bool Accepted => Rejection is null;

    public long Available => OnHand - Reserved;

    public static MovementResult Rejected(Guid movementId, Rejection rejection) =>
        new() { MovementId = movementId, Rejection = rejection };
}
