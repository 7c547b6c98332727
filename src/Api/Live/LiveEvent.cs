using Inventory.Contracts.Projections;

namespace Inventory.Api.Live;

/// <summary>What a live connection is told: a movement the views applied, or <see cref="LiveEventKind.Resync"/> when
/// the feed may have skipped some (the client reads the views again).</summary>
public sealed record LiveEvent(LiveEventKind Kind, RecentMovement? Movement)
{
    public static LiveEvent Resync { get; } = new(LiveEventKind.Resync, null);

    public static LiveEvent Of(RecentMovement movement) => new(LiveEventKind.Movement, movement);
}
