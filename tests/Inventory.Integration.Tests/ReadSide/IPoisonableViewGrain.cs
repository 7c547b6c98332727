using Inventory.Projections;

namespace Inventory.Integration.Tests.ReadSide;

[Alias("test.poisonable-view-grain")]
public interface IPoisonableViewGrain : IProjectionShardGrain
{
    [Alias("has-seen")]
    Task<bool> HasSeenAsync(Guid movementId);
}
