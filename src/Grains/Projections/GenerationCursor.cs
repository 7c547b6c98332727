using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// A coordinator's in-memory progress through the global log for one generation: the position read up to (ahead of
/// the stored checkpoint), and the shards that took events since the last checkpoint, with the activation that
/// acknowledged them. A shard that answers from another activation may have lost unwritten events: the cursor
/// then goes back to the stored checkpoint and delivers again (shards skip what they have).
/// </summary>
/// <remarks>
/// A checkpoint can take several ticks: <see cref="BeginCheckpoint"/> marks the position read so far and sets aside
/// the shards that took events up to it; as each of them writes its state (<see cref="Written"/>) it leaves that set,
/// and once the set is empty <see cref="TryComplete"/> makes the mark the stored checkpoint. Deliveries go on in the
/// meantime: a shard that takes events after the mark is written again at the next checkpoint.
/// </remarks>
public sealed class GenerationCursor(int generation, LogPosition stored)
{
    private static readonly IReadOnlyDictionary<string, Guid> None = new Dictionary<string, Guid>();

    private readonly Dictionary<string, Guid> _unflushed = new(StringComparer.Ordinal);
    private Dictionary<string, Guid>? _writing;
    private LogPosition _mark;

    public int Generation => generation;

    /// <summary>Read and delivered up to here.</summary>
    public LogPosition Position { get; private set; } = stored;

    /// <summary>Stored: every event up to here is written in the shards.</summary>
    public LogPosition Stored { get; private set; } = stored;

    public bool MustRewind { get; private set; }

    /// <summary>Shards that took events since the last checkpoint began, with the activation that took them.</summary>
    public IReadOnlyDictionary<string, Guid> Unflushed => _unflushed;

    /// <summary>Whether a checkpoint is waiting for shards to write their state.</summary>
    public bool Checkpointing => _writing is not null;

    /// <summary>The shards the checkpoint in progress still waits for (none when there is none).</summary>
    public IReadOnlyDictionary<string, Guid> ToWrite => (IReadOnlyDictionary<string, Guid>?)_writing ?? None;

    public void Delivered(string partition, Guid activation)
    {
        if ((_unflushed.TryGetValue(partition, out var earlier) && earlier != activation)
            || (_writing is not null && _writing.TryGetValue(partition, out var pending) && pending != activation))
        {
            MustRewind = true;
        }

        _unflushed.TryAdd(partition, activation);
    }

    public void Advance(LogPosition end) => Position = end;

    /// <summary>Starts a checkpoint of everything delivered so far (or extends the one in progress to it): the shards
    /// that took events since the last one must write their state before it can be stored.</summary>
    public void BeginCheckpoint()
    {
        _writing ??= new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (partition, activation) in _unflushed)
        {
            _writing.TryAdd(partition, activation);
        }

        _unflushed.Clear();
        _mark = Position;
    }

    /// <summary>A shard of the checkpoint in progress wrote its state (everything it took so far).</summary>
    public void Written(string partition) => _writing?.Remove(partition);

    /// <summary>Stores the checkpoint in progress once every shard it waits for has written: true when it did.</summary>
    public bool TryComplete()
    {
        if (_writing is null || _writing.Count > 0)
        {
            return false;
        }

        Stored = _mark;
        _writing = null;
        return true;
    }

    /// <summary>Some shard may have lost events: deliver again from the stored checkpoint.</summary>
    public void Rewind()
    {
        Position = Stored;
        _unflushed.Clear();
        _writing = null;
        MustRewind = false;
    }
}
