using Inventory.Contracts.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace Inventory.Projections;

/// <summary>The live path over the <see cref="StockEventStream"/> provider: one stream per warehouse, whose router
/// grain hands the events to the projections' shards.</summary>
public sealed class StreamLiveEventPublisher([FromKeyedServices(StockEventStream.ProviderName)] IStreamProvider streams) : ILiveEventPublisher
{
    public bool IsEnabled => true;

    public Task PublishAsync(string warehouseId, EventBatch batch) =>
        streams.GetStream<EventBatch>(StreamId.Create(StockEventStream.Namespace, warehouseId)).OnNextAsync(batch);
}
