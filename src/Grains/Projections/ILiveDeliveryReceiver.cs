using Orleans.Concurrency;

namespace Inventory.Projections;

/// <summary>A projection's coordinator as the live path tells it what it delivered (keyed by the projection's name), so
/// that catch-up reads those events' positions but not the events again (see <see cref="GenerationCursor.LiveDelivered"/>).
/// One-way: a report lost only costs catch-up a read.</summary>
[Alias("inventory.live-delivery-receiver")]
public interface ILiveDeliveryReceiver : IGrainWithStringKey
{
    [OneWay]
    [Alias("live-delivered")]
    Task LiveDeliveredAsync(Immutable<IReadOnlyList<LiveDelivery>> deliveries);
}
