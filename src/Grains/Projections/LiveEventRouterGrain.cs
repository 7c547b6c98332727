using Inventory.Contracts.Projections;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Inventory.Projections;

/// <summary>
/// Takes one warehouse's live events off the stream and hands them to the shards of every projection's live
/// generations. The pulling agent delivers what has queued up for the warehouse in batches (up to
/// <see cref="ProjectionOptions.LiveDeliveryBatchSize"/> appends), so that each shard gets one call per batch rather
/// than one per append. Best effort by design: a batch that cannot be delivered is logged and left to the coordinators'
/// catch-up, which reads the event store; an exception here would only make the stream provider retry or drop it.
/// </summary>
[ImplicitStreamSubscription(StockEventStream.Namespace)]
[GrainType("live-event-router")]
public sealed partial class LiveEventRouterGrain(
    ProjectionCatalog catalog,
    GenerationDirectory directory,
    ILogger<LiveEventRouterGrain> logger)
    : Grain, ILiveEventRouterGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<EventBatch>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<EventBatch>().ResumeAsync(this);
    }

    public async Task OnNextAsync(IList<SequentialItem<EventBatch>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var events = items.Count == 1 ? items[0].Item.Events : [.. items.SelectMany(i => i.Item.Events)];
        if (events.Count == 0)
        {
            return;
        }

        await Task.WhenAll(catalog.All.Select(definition => RouteAsync(definition, events)));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    private async Task RouteAsync(ProjectionDefinition definition, IReadOnlyList<EventEnvelope> events)
    {
        try
        {
            var generations = await directory.LiveGenerationsAsync(definition.Name);
            await Task.WhenAll(
                from generation in generations
                from partition in events.GroupBy(e => definition.PartitionOf(e.StreamId), StringComparer.Ordinal)
                select definition.Shard(GrainFactory, generation, partition.Key).ApplyAsync(partition.ToList()));
        }
        catch (Exception ex)
        {
            LogNotDelivered(logger, ex, definition.Name, events.Count, events[0].StreamId, events[0].Version, events[^1].Version, events[0].EventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live events of warehouse {Warehouse}: stream error")]
    private static partial void LogStreamError(ILogger logger, Exception error, string warehouse);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection}: {Count} live event(s) of {StreamId}@{FromVersion}..{ToVersion} (first event {EventId}) not delivered; catch-up will bring them")]
    private static partial void LogNotDelivered(ILogger logger, Exception error, string projection, int count, string streamId, int fromVersion, int toVersion, Guid eventId);
}
