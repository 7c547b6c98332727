using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The projections the silo runs (every <see cref="ProjectionDefinition"/> registered in the container).</summary>
public sealed class ProjectionCatalog(IEnumerable<ProjectionDefinition> definitions)
{
    private readonly Dictionary<string, ProjectionDefinition> _byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<ProjectionDefinition> All => _byName.Values;

    public ProjectionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    public ProjectionDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException($"There is no projection '{name}'.", nameof(name));
}
