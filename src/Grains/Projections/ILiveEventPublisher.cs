using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>Where stock items send their confirmed events on the live path to the views. Best effort: whatever is lost
/// here reaches the views through the projections' catch-up from the event store.</summary>
public interface ILiveEventPublisher
{
    /// <summary>False when the silo runs without a live path (catch-up only): nothing needs to be published.</summary>
    bool IsEnabled { get; }

    /// <summary>Hands <paramref name="batch"/> (events of one item, in version order) to the warehouse's live stream.</summary>
    Task PublishAsync(string warehouseId, EventBatch batch);
}
