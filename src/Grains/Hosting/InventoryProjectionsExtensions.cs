using Inventory.Contracts.Projections;
using Inventory.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Inventory.Hosting;

/// <summary>Composition of the read side: the live stream, the projections, their coordinators' keeper and figures.</summary>
public static class InventoryProjectionsExtensions
{
    /// <summary>Adds the standard projections, and memory streams for the live path unless
    /// <c>Inventory:Projections:LiveStream</c> is <c>None</c> (then the views rely on catch-up alone).</summary>
    public static ISiloBuilder AddInventoryProjections(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ProjectionOptions>()
            .BindConfiguration(ProjectionOptions.Section)
            .Validate(o => o.IsValid, $"{ProjectionOptions.Section}: intervals and ages must be positive, PageSize 1..100000, MaxAttempts at least 1, CheckpointFlushConcurrency 1..64, LiveDeliveryBatchSize 1..10000, LiveStream Memory or None.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ProjectionStatusBoard>();
        builder.Services.TryAddSingleton<ProjectionCatalog>();
        builder.Services.TryAddSingleton<RebuildScans>();
        builder.Services.TryAddSingleton<GenerationDirectory>();
        builder.Services.AddSingleton(StandardProjections.Warehouses);
        builder.Services.AddSingleton(StandardProjections.Skus);
        builder.Services.AddHostedService<ProjectionKeeper>();

        // Whether there is a live stream at all is decided while composing; its settings come from the same
        // ProjectionOptions as everything else (configuration or code).
        var live = builder.Configuration.GetSection(ProjectionOptions.Section)[nameof(ProjectionOptions.LiveStream)] ?? "Memory";
        if (!string.Equals(live, "None", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddMemoryStreams(StockEventStream.ProviderName, streams =>
            {
                streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                streams.ConfigurePullingAgent(agent => agent.Configure<IOptions<ProjectionOptions>>((o, projections) =>
                {
                    o.GetQueueMsgsTimerPeriod = projections.Value.LivePollInterval;
                    o.BatchContainerBatchSize = projections.Value.LiveDeliveryBatchSize;
                }));
                streams.ConfigureCacheEviction(eviction => eviction.Configure<IOptions<ProjectionOptions>>((o, projections) =>
                {
                    o.DataMinTimeInCache = projections.Value.LiveCacheAge;
                    o.DataMaxAgeInCache = projections.Value.LiveCacheAge;
                }));
            });
            builder.Services.AddSingleton<ILiveEventPublisher, StreamLiveEventPublisher>();
        }

        builder.Services.TryAddSingleton<ILiveEventPublisher, NoLiveEventPublisher>();
        return builder;
    }
}
