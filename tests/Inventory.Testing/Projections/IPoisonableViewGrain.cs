using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Testing.Projections;

[Alias("test.poisonable-view-grain")]
public interface IPoisonableViewGrain : IProjectionShardGrain
{
    [Alias("has-seen")]
    Task<bool> HasSeenAsync(Guid movementId);
}
