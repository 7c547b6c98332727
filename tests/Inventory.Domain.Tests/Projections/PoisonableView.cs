using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A warehouse view with a bug: it throws on the movements in <see cref="Poisoned"/> (before changing anything).</summary>
public sealed class PoisonableView : IProjectionView
{
    public HashSet<Guid> Poisoned { get; } = [];

    public WarehouseView Inner { get; } = new();

    public void Apply(ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Poisoned.Contains(e.Event.MovementId))
        {
            throw new InvalidOperationException($"Cannot project movement {e.Event.MovementId}.");
        }

        Inner.Apply(e);
    }
}
