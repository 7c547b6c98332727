using System.Collections.Concurrent;
using Inventory.EventStore;
using Inventory.Projections;
using Orleans.Storage;

namespace Inventory.Grains.Tests.Projections;

/// <summary>Grain storage that passes everything to another one and records, per grain type, how many shard state
/// writes were in flight at once at most, and the checkpoints coordinators stored. Each write of a shard's state is
/// held a little, so that writes which overlap are seen to overlap.</summary>
public sealed class WriteRecordingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly TimeSpan WriteHold = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _mostInFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LogPosition> _checkpoints = new(StringComparer.Ordinal);

    /// <summary>The most writes of one grain type's shard states that were in flight at the same time.</summary>
    public int MostShardWritesInFlight(string grainType) => _mostInFlight.GetValueOrDefault(grainType);

    public int ShardWrites(string grainType) => _writes.GetValueOrDefault(grainType);

    /// <summary>The checkpoint a projection's coordinator last stored (default: none yet).</summary>
    public LogPosition StoredCheckpoint(string projection) => _checkpoints.GetValueOrDefault(projection);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.State is CoordinatorState coordinator)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            _checkpoints[grainId.Key.ToString()!] = coordinator.Checkpoint;
            return;
        }

        if (!typeof(T).IsGenericType || typeof(T).GetGenericTypeDefinition() != typeof(ShardState<>))
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var type = grainId.Type.ToString()!;
        var inFlight = _inFlight.AddOrUpdate(type, 1, (_, n) => n + 1);
        _mostInFlight.AddOrUpdate(type, inFlight, (_, most) => Math.Max(most, inFlight));
        _writes.AddOrUpdate(type, 1, (_, n) => n + 1);
        try
        {
            await Task.Delay(WriteHold);
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _inFlight.AddOrUpdate(type, 0, (_, n) => n - 1);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
