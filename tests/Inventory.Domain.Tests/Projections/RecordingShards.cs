using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>Shards that record what a coordinator's catch-up and checkpoint writer ask of them. Each shard answers from
/// one activation until <see cref="Reactivate"/> (its silo died: what it had not written is lost); each write yields
/// first, so writes asked for together are in flight together.</summary>
internal sealed class RecordingShards : IProjectionShards
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Guid> _activations = new(StringComparer.Ordinal);
    private int _inFlight;

    public List<(string Partition, IReadOnlyList<EventEnvelope> Events)> Deliveries { get; } = [];

    public List<string> Writes { get; } = [];

    public int MostWritesInFlight { get; private set; }

    /// <summary>Runs as each write ends (a test advances its clock here).</summary>
    public Action OnWrite { get; set; } = () => { };

    public Task<ShardAck> ApplyAsync(int generation, string partition, IReadOnlyList<EventEnvelope> events)
    {
        lock (_lock)
        {
            Deliveries.Add((partition, events));
            return Task.FromResult(new ShardAck(Activation(generation, partition), ApplyAnswer(events)));
        }
    }

    /// <summary>How many of each delivery's events the shard answers were new to it (all, unless set).</summary>
    public Func<IReadOnlyList<EventEnvelope>, int> ApplyAnswer { get; set; } = events => events.Count;

    /// <summary>Hands of log entries, as catch-up by entries makes them.</summary>
    public List<(string Partition, IReadOnlyList<LogEntry> Entries)> EntryDeliveries { get; } = [];

    /// <summary>How many of each entry delivery's events the shard answers it lacked (all, unless set).</summary>
    public Func<IReadOnlyList<LogEntry>, int> Lacking { get; set; } = entries => entries.Count;

    public Task<ShardAck> CatchUpAsync(int generation, string partition, IReadOnlyList<LogEntry> entries)
    {
        lock (_lock)
        {
            EntryDeliveries.Add((partition, entries));
            return Task.FromResult(new ShardAck(Activation(generation, partition), Lacking(entries)));
        }
    }

    public async Task<bool> FlushAsync(int generation, string partition, Guid activation)
    {
        lock (_lock)
        {
            MostWritesInFlight = Math.Max(MostWritesInFlight, ++_inFlight);
        }

        await Task.Yield();
        lock (_lock)
        {
            _inFlight--;
            OnWrite();
            if (activation != Activation(generation, partition))
            {
                return false;
            }

            Writes.Add(partition);
            return true;
        }
    }

    /// <summary>The shard's silo died: another activation answers from now on.</summary>
    public void Reactivate(int generation, string partition)
    {
        lock (_lock)
        {
            _activations[Key(generation, partition)] = Guid.NewGuid();
        }
    }

    private static string Key(int generation, string partition) => $"{generation}/{partition}";

    private Guid Activation(int generation, string partition)
    {
        if (!_activations.TryGetValue(Key(generation, partition), out var activation))
        {
            _activations[Key(generation, partition)] = activation = Guid.NewGuid();
        }

        return activation;
    }
}
