using Inventory.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            .Validate(o => o.IsValid, $"{ProjectionOptions.Section}: intervals must be positive, PageSize 1..100000, MaxAttempts at least 1, LiveStream Memory or None.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ProjectionStatusBoard>();
        builder.Services.TryAddSingleton<ProjectionCatalog>();
        builder.Services.TryAddSingleton<GenerationDirectory>();
        builder.Services.AddSingleton(StandardProjections.Warehouses);
        builder.Services.AddSingleton(StandardProjections.Skus);
        builder.Services.AddHostedService<ProjectionKeeper>();

        var section = builder.Configuration.GetSection(ProjectionOptions.Section);
        var live = section[nameof(ProjectionOptions.LiveStream)] ?? "Memory";
        if (!string.Equals(live, "None", StringComparison.OrdinalIgnoreCase))
        {
            var defaults = new ProjectionOptions();
            var poll = section.GetValue(nameof(ProjectionOptions.LivePollInterval), defaults.LivePollInterval);
            var batch = section.GetValue(nameof(ProjectionOptions.LiveDeliveryBatchSize), defaults.LiveDeliveryBatchSize);
            var cacheAge = section.GetValue(nameof(ProjectionOptions.LiveCacheAge), defaults.LiveCacheAge);
            builder.AddMemoryStreams(StockEventStream.ProviderName, streams =>
            {
                streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                streams.ConfigurePullingAgent(agent => agent.Configure(o =>
                {
                    o.GetQueueMsgsTimerPeriod = poll;
                    o.BatchContainerBatchSize = batch;
                }));
                streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
                {
                    o.DataMinTimeInCache = cacheAge;
                    o.DataMaxAgeInCache = cacheAge;
                }));
            });
        }

        return builder;
    }
}
