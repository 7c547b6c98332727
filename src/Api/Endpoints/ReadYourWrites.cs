using Inventory.Api.Hosting;
using Inventory.Contracts.Projections;

namespace Inventory.Api.Endpoints;

/// <summary>
/// <c>?minPosition=</c> on a view read: the <c>position</c> of a movement reply. The read first waits (at most
/// <see cref="InventoryApiOptions.MinPositionTimeout"/>) until the views include the event at that position, then
/// answers whatever the views hold and says in <see cref="Header"/> whether the position was reached: a read never
/// fails because the views are behind.
/// </summary>
public static class ReadYourWrites
{
    public const string Header = "X-Min-Position-Reached";

    /// <summary><paramref name="listed"/>: the read lists warehouses and SKUs (the overview), so it also waits until
    /// they are listed.</summary>
    public static async Task WaitAsync(long? minPosition, IViewsGrain views, HttpResponse response, TimeSpan timeout, bool listed = false)
    {
        if (minPosition is not { } position)
        {
            return;
        }

        var reached = listed ? await views.WaitForListedPositionAsync(position, timeout) : await views.WaitForPositionAsync(position, timeout);
        response.Headers[Header] = reached ? "true" : "false";
    }
}
