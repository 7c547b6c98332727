using Inventory.Projections;

namespace Inventory.Grains.Tests.Projections;

public interface IPoisonableViewGrain : IProjectionShardGrain
{
    Task<bool> HasSeenAsync(Guid movementId);
}
