using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The live path's consumer of one warehouse's event stream (implicit subscription; key = warehouse id).</summary>
[Alias("inventory.live-event-router")]
public interface ILiveEventRouterGrain : IGrainWithStringKey;
