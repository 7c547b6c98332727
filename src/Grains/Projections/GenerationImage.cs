using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>
/// Every shard of a new generation of a projection, built in memory for a rebuild from a <see cref="LogScan"/> of the
/// global log: no grain call, storage write or checkpoint per page, unlike a <see cref="CatchUp"/>. Each shard is an
/// <see cref="IShardImage"/> under the same delivery rules as its grain (duplicates skipped, gaps filled from the
/// store, failing events retried then parked), so the images equal what catch-up would have built; their grains then
/// adopt them whole. <see cref="Completion"/> gives the images once the scan has read to the log's gap-safe end.
/// </summary>
/// <remarks><see cref="Applied"/> and <see cref="Position"/> may be read from any thread while it is built.</remarks>
public sealed class GenerationImage
{
    private readonly ProjectionDefinition _definition;
    private readonly ShardRebuildContext _context;
    private readonly Func<ShardRebuildContext, string, IShardImage> _newImage;
    private readonly Dictionary<string, IShardImage> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ScannedEvent>> _page = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<GenerationImageResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _progress = new();
    private LogPosition _position = LogPosition.Start;
    private long _applied;

    public GenerationImage(ProjectionDefinition definition, ShardRebuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _context = context;
        _newImage = definition.NewImage ?? throw new ArgumentException($"Projection {definition.Name} has no shard images to rebuild in memory.", nameof(definition));
        Cancellation = cancellationToken;
    }

    public string Projection => _definition.Name;

    /// <summary>Set when the rebuild no longer wants the image (its coordinator left): the scan drops it.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The images of every shard that took events, once the scan has read to the end; fails with the error
    /// of the scan or of this projection's shards (the rebuild then starts again).</summary>
    public Task<GenerationImageResult> Completion => _completion.Task;

    /// <summary>Events applied (or parked) so far.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Read and applied up to here.</summary>
    public LogPosition Position
    {
        get
        {
            lock (_progress)
            {
                return _position;
            }
        }
    }

    /// <summary>Whether the projection takes <paramref name="streamId"/>'s events.</summary>
    public bool Follows(string streamId) => _definition.Follows(streamId);

    /// <summary>Applies a page of the log that ends at <paramref name="end"/>: each followed event to its shard's image.
    /// False (and <see cref="Completion"/> failed) when a shard failed: the image is then of no use.</summary>
    public async Task<bool> ApplyAsync(IReadOnlyList<ScannedEvent> events, LogPosition end)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            foreach (var partition in _page.Values)
            {
                partition.Clear();
            }

            foreach (var scanned in events)
            {
                if (!_definition.Follows(scanned.Envelope.StreamId))
                {
                    continue;
                }

                var partition = _definition.PartitionOf(scanned.Envelope.StreamId);
                if (!_page.TryGetValue(partition, out var list))
                {
                    _page[partition] = list = [];
                }

                list.Add(scanned);
            }

            foreach (var (partition, list) in _page)
            {
                if (list.Count == 0)
                {
                    continue;
                }

                if (!_images.TryGetValue(partition, out var image))
                {
                    _images[partition] = image = _newImage(_context, partition);
                }

                Interlocked.Add(ref _applied, await image.ApplyAsync(list, Cancellation).ConfigureAwait(false));
            }

            lock (_progress)
            {
                _position = end;
            }

            return true;
        }
#pragma warning disable CA1031 // The error goes to the rebuild, through Completion.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex);
            return false;
        }
    }

    /// <summary>The scan has read to the log's end: the images are complete.</summary>
    public void Complete() => _completion.TrySetResult(new GenerationImageResult(Position, Applied, _images));

    /// <summary>The scan failed, or the rebuild no longer wants this image.</summary>
    public void Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is OperationCanceledException && Cancellation.IsCancellationRequested)
        {
            _completion.TrySetCanceled(Cancellation);
            return;
        }

        _completion.TrySetException(error);
    }
}
