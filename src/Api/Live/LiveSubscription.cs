using System.Threading.Channels;
using Inventory.Contracts.Projections;

namespace Inventory.Api.Live;

/// <summary>
/// One live connection's place in the <see cref="LiveMovementsHub"/>: the warehouse it follows (null: all), the movements
/// queued for it, and <see cref="Ready"/>, completed once the hub has read the views it follows (from then on every
/// movement the views apply is queued). A client that cannot keep up with <see cref="Capacity"/> queued events gets a
/// resync instead of the ones that did not fit.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    public const int Capacity = 1024;

    private readonly Channel<LiveEvent> _events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<LiveSubscription> _unsubscribe;
    private int _overflowed;

    internal LiveSubscription(string? warehouseId, Action<LiveSubscription> unsubscribe)
    {
        WarehouseId = warehouseId;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The warehouse followed; null for every warehouse.</summary>
    public string? WarehouseId { get; }

    public Task Ready => _ready.Task;

    public ChannelReader<LiveEvent> Events => _events.Reader;

    /// <summary>True once after events were dropped because the queue was full: the client must read the views again.</summary>
    public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;

    public bool Follows(string warehouseId) => WarehouseId is null || string.Equals(WarehouseId, warehouseId, StringComparison.Ordinal);

    internal void Publish(RecentMovement movement) => Write(LiveEvent.Of(movement));

    internal void PublishResync() => Write(LiveEvent.Resync);

    internal void MarkReady() => _ready.TrySetResult();

    private void Write(LiveEvent item)
    {
        if (!_events.Writer.TryWrite(item))
        {
            Interlocked.Exchange(ref _overflowed, 1);
        }
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
