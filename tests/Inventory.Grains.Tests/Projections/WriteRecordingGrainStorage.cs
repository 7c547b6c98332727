using System.Collections.Concurrent;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;
using Orleans.Storage;

namespace Inventory.Grains.Tests.Projections;

/// <summary>Grain storage that passes everything to another one and records, per grain type, how many shard state
/// writes were in flight at once at most, and the checkpoints coordinators stored. Each write of a shard's state is
/// held a little, so that writes which overlap are seen to overlap. It exists before the silo does (the silo creates
/// its storage providers when a grain first needs one), and the silo's storage is attached by <see cref="Over"/>.</summary>
public sealed class WriteRecordingGrainStorage : IGrainStorage
{
    private static readonly TimeSpan WriteHold = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _mostInFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LogPosition> _checkpoints = new(StringComparer.Ordinal);
    private IGrainStorage? _inner;

    private IGrainStorage Inner => _inner ?? throw new InvalidOperationException("No storage attached: call Over first.");

    /// <summary>Records the writes to <paramref name="inner"/> from now on.</summary>
    public IGrainStorage Over(IGrainStorage inner)
    {
        _inner = inner;
        return this;
    }

    /// <summary>The most writes of one grain type's shard states that were in flight at the same time.</summary>
    public int MostShardWritesInFlight(string grainType) => _mostInFlight.GetValueOrDefault(grainType);

    public int ShardWrites(string grainType) => _writes.GetValueOrDefault(grainType);

    /// <summary>The checkpoint a projection's coordinator last stored (default: none yet).</summary>
    public LogPosition StoredCheckpoint(string projection) => _checkpoints.GetValueOrDefault(projection);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.State is CoordinatorState coordinator)
        {
            await Inner.WriteStateAsync(stateName, grainId, grainState);
            _checkpoints[grainId.Key.ToString()!] = coordinator.Checkpoint;
            return;
        }

        if (!typeof(T).IsGenericType || typeof(T).GetGenericTypeDefinition() != typeof(ShardState<>))
        {
            await Inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var type = grainId.Type.ToString()!;
        var inFlight = _inFlight.AddOrUpdate(type, 1, (_, n) => n + 1);
        _mostInFlight.AddOrUpdate(type, inFlight, (_, most) => Math.Max(most, inFlight));
        _writes.AddOrUpdate(type, 1, (_, n) => n + 1);
        try
        {
            await Task.Delay(WriteHold);
            await Inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _inFlight.AddOrUpdate(type, 0, (_, n) => n - 1);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Inner.ClearStateAsync(stateName, grainId, grainState);
}
