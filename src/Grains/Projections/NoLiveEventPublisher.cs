using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>No live path (<c>Inventory:Projections:LiveStream</c> = <c>None</c>): the views follow by catch-up alone.</summary>
public sealed class NoLiveEventPublisher : ILiveEventPublisher
{
    public bool IsEnabled => false;

    public Task PublishAsync(string warehouseId, EventBatch batch) => Task.CompletedTask;
}
