using System.Collections.Concurrent;
using Inventory.Contracts.Projections;
using Microsoft.Extensions.Options;

namespace Inventory.Projections;

/// <summary>
/// Which generations of each projection the live path feeds and reads use, asked of the coordinators and cached for
/// <see cref="ProjectionOptions.GenerationCacheTtl"/> once per silo (not per router or reader activation), so that
/// the number of warehouses does not multiply the questions.
/// </summary>
public sealed class GenerationDirectory(IGrainFactory grains, IOptions<ProjectionOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<int> Generations, DateTimeOffset FetchedAt)> _live = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Generation, DateTimeOffset FetchedAt)> _active = new(StringComparer.Ordinal);

    public async ValueTask<IReadOnlyList<int>> LiveGenerationsAsync(string projection)
    {
        var now = time.GetUtcNow();
        if (_live.TryGetValue(projection, out var cached) && now - cached.FetchedAt < options.Value.GenerationCacheTtl)
        {
            return cached.Generations;
        }

        var generations = await Coordinator(projection).GetLiveGenerationsAsync();
        _live[projection] = (generations, now);
        return generations;
    }

    public async ValueTask<int> ActiveGenerationAsync(string projection)
    {
        var now = time.GetUtcNow();
        if (_active.TryGetValue(projection, out var cached) && now - cached.FetchedAt < options.Value.GenerationCacheTtl)
        {
            return cached.Generation;
        }

        var generation = await Coordinator(projection).GetActiveGenerationAsync();
        _active[projection] = (generation, now);
        return generation;
    }

    private IProjectionCoordinatorGrain Coordinator(string projection) => grains.GetGrain<IProjectionCoordinatorGrain>(projection);
}
