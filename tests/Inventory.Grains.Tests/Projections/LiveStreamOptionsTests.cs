using Inventory.Contracts.Projections;
using Inventory.Hosting;
using Inventory.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Inventory.Grains.Tests.Projections;

/// <summary>The live stream's settings are the projections' settings: set in configuration or in code, they reach
/// Orleans' pulling agent and stream cache.</summary>
public sealed class LiveStreamOptionsTests
{
    [Fact]
    public void GivenLiveSettingsInConfiguration_WhenTheSiloIsComposed_ThenTheStreamProviderUsesThem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([
            new("Inventory:Projections:LivePollInterval", "00:00:00.025"),
            new("Inventory:Projections:LiveDeliveryBatchSize", "7"),
            new("Inventory:Projections:LiveCacheAge", "00:00:03"),
        ]);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddInventoryGrains());
        using var host = builder.Build();

        var (agent, cache) = StreamOptions(host);

        Assert.Equal((TimeSpan.FromMilliseconds(25), 7), (agent.GetQueueMsgsTimerPeriod, agent.BatchContainerBatchSize));
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)), (cache.DataMinTimeInCache, cache.DataMaxAgeInCache));
    }

    [Fact]
    public void GivenLiveSettingsInCode_WhenTheSiloIsComposed_ThenTheStreamProviderUsesThem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddInventoryGrains());
        builder.Services.Configure<ProjectionOptions>(o =>
        {
            o.LiveDeliveryBatchSize = 5;
            o.LiveCacheAge = TimeSpan.FromSeconds(2);
        });
        using var host = builder.Build();

        var (agent, cache) = StreamOptions(host);

        Assert.Equal((new ProjectionOptions().LivePollInterval, 5), (agent.GetQueueMsgsTimerPeriod, agent.BatchContainerBatchSize));
        Assert.Equal(TimeSpan.FromSeconds(2), cache.DataMaxAgeInCache);
    }

    private static (StreamPullingAgentOptions Agent, StreamCacheEvictionOptions Cache) StreamOptions(IHost host) =>
        (host.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(StockEventStream.ProviderName),
         host.Services.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(StockEventStream.ProviderName));
}
