using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inventory.Testing.Projections;

/// <summary>The shard of the <c>poisonable</c> projection (one per warehouse), state in the silo's grain storage.</summary>
[GrainType(GrainTypeName)]
public sealed class PoisonableViewGrain(
    [PersistentState("view", ProviderNames.GrainStorage)] IPersistentState<ShardState<PoisonableView>> state,
    IEventStore store,
    IEventLog log,
    IDeadLetterStore deadLetters,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ProjectionMetrics metrics,
    ILogger<PoisonableViewGrain> logger)
    : ProjectionShardGrain<PoisonableView>(state, store, log, deadLetters, options, time, metrics, logger), IPoisonableViewGrain
{
    public const string GrainTypeName = "test-poisonable-view";

    public static ProjectionDefinition Definition { get; } = new("poisonable", GrainTypeName, StandardProjections.WarehouseOf);

    public Task<bool> HasSeenAsync(Guid movementId) => Task.FromResult(View.Seen.Contains(movementId));
}
