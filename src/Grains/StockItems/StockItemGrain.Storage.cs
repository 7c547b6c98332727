using Inventory.Contracts.StockItems;
using Orleans.EventSourcing.CustomStorage;

namespace Inventory.StockItems;

// The handshake with the CustomStorage log-consistency provider. The grain reads and appends itself, where it can bound
// the wait and answer a failure (the provider would retry a failing store forever, and re-submit an event without
// deciding it again); the provider only keeps the journaled state and version, and is told of what the grain did:
// - ReadStateFromStorage: at activation it takes the state OnActivateAsync loaded (_loaded); after a lost race
//   (RefreshNow) it reads the stream again.
// - ApplyUpdatesToStorage: it acknowledges the batch AppendAsync has just stored (_appended) when ConfirmAsync raises it.
//   The grain raises nothing else, so anything else is refused (false), which fails that confirmation loudly.
public sealed partial class StockItemGrain
{
    private LoadedStockItem? _loaded;
    private (int ExpectedVersion, IReadOnlyList<StockItemEvent> Events)? _appended;

    async Task<KeyValuePair<int, StockItemView>> ICustomStorageInterface<StockItemView, StockItemEvent>.ReadStateFromStorage()
    {
        var loaded = _loaded ?? await _stream.LoadAsync();
        _loaded = null;
        _snapshotVersion = loaded.SnapshotVersion;
        LogLoaded(logger, _stream.StreamId, loaded.Version, loaded.SnapshotVersion);
        return new(loaded.Version, new StockItemView { Item = loaded.Item });
    }

    Task<bool> ICustomStorageInterface<StockItemView, StockItemEvent>.ApplyUpdatesToStorage(IReadOnlyList<StockItemEvent> updates, int expectedVersion)
    {
        var stored = _appended is { } appended && expectedVersion == appended.ExpectedVersion
            && updates.SequenceEqual(appended.Events, ReferenceEqualityComparer.Instance);
        _appended = null;
        return Task.FromResult(stored);
    }
}
