using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>
/// A view a projection keeps. <see cref="Apply"/> gets each event of each stream once, in version order per stream,
/// except a re-driven dead letter, which comes after later versions of its stream: views must not go backwards on
/// it (they compare versions). Apply must either throw before changing anything or not throw at all.
/// </summary>
public interface IProjectionView
{
    void Apply(ProjectedEvent e);
}
