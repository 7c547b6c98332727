using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>The outcome of <see cref="IEventStore.AppendAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Positions">When stored: the global position of each event of the batch, in order; otherwise empty.</param>
/// <param name="DuplicateMovementId">With <see cref="AppendStatus.DuplicateMovement"/>: the movement id already in the stream.</param>
public sealed record AppendResult(AppendStatus Status, IReadOnlyList<long> Positions, Guid? DuplicateMovementId = null)
{
    public bool Stored => Status is AppendStatus.Appended or AppendStatus.AlreadyAppended;

    public static AppendResult Conflict { get; } = new(AppendStatus.VersionConflict, []);

    public static AppendResult Duplicate(Guid movementId) => new(AppendStatus.DuplicateMovement, [], movementId);
}
