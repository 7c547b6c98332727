using System.Collections.Concurrent;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Testing.Projections;

/// <summary>A projection with a bug that tests switch on and off: it throws on the movements in <see cref="Poisoned"/>.</summary>
[GenerateSerializer, Alias("test.poisonable-view")]
public sealed class PoisonableView : IProjectionView
{
    public static ConcurrentDictionary<Guid, bool> Poisoned { get; } = new();

    [Id(0)] public long Movements { get; set; }

    [Id(1)] public HashSet<Guid> Seen { get; set; } = [];

    public void Apply(ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Poisoned.ContainsKey(e.Event.MovementId))
        {
            throw new InvalidOperationException($"Cannot project movement {e.Event.MovementId}.");
        }

        Movements++;
        Seen.Add(e.Event.MovementId);
    }
}
