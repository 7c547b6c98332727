using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Inventory.Projections;

/// <summary>
/// The Orleans side of one projection's read-side coordination: its timer, its stored state, its calls to the shards,
/// and its answers to the live path, readers and operators. Each catch-up tick runs the projection's
/// <see cref="CatchUp"/> for the active generation (and a rebuilding one), moves a rebuild through its
/// <see cref="GenerationLifecycle"/>, retires a replaced generation when due, and gives the <see cref="CheckpointWriter"/>
/// its part of the periodic checkpoint; a <see cref="ProjectionHealthMeter"/> measures the figures it reports.
/// </summary>
/// <remarks>Reentrant so that the live path's and readers' questions are not held up by a long catch-up; the
/// catch-up itself is serialized by <see cref="_gate"/>.</remarks>
[Reentrant]
[GrainType("projection-coordinator")]
public sealed partial class ProjectionCoordinatorGrain(
    [PersistentState("coordinator", ProviderNames.GrainStorage)] IPersistentState<CoordinatorState> state,
    ProjectionCatalog catalog,
    IEventLog log,
    IEventStore store,
    RebuildScans scans,
    IDeadLetterStore deadLetters,
    IOptions<ProjectionOptions> options,
    ProjectionMetrics metrics,
    TimeProvider time,
    ILogger<ProjectionCoordinatorGrain> logger)
    : Grain, IProjectionCoordinatorGrain, IProjectionShards, IDisposable
{
    private readonly ProjectionOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProjectionDefinition _definition = null!;
    private GenerationLifecycle _generations = null!;
    private CatchUp _catchUp = null!;
    private CheckpointWriter _checkpoints = null!;
    private ProjectionHealthMeter _health = null!;
    private GenerationCursor _active = null!;
    private GenerationCursor? _rebuild;
    private bool _stateChanged;
    private int _failedTicks;
    private GenerationImage? _bulk;
    private GenerationCursor? _bulkFor;
    private readonly HashSet<int> _imaged = [];
    private CancellationTokenSource? _bulkCancel;
    private long _bulkStarted;

    private CoordinatorState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _definition = catalog.Get(this.GetPrimaryKeyString());
        _generations = new GenerationLifecycle(S, _options.Handover);
        _catchUp = new CatchUp(log, this, _definition, _options.PageSize, logger);
        _checkpoints = new CheckpointWriter(this, _options, time, _definition.Name, logger);
        _health = new ProjectionHealthMeter(_definition.Name, log, deadLetters, _options, time);
        _active = new GenerationCursor(S.ActiveGeneration, S.Checkpoint);
        _rebuild = S.RebuildGeneration is { } generation ? new GenerationCursor(generation, S.RebuildCheckpoint) : null;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = _options.CatchUpInterval,
            Interleave = true,
            KeepAlive = true,
        });
        LogStarted(logger, _definition.Name, S.ActiveGeneration, S.Checkpoint, S.RebuildGeneration);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Left(_definition.Name);
        CancelBulk();

        // A last checkpoint saves the next activation some re-delivery; it is only an optimisation. When the silo
        // shuts down its shards are leaving too (and cannot be placed), so it is not attempted then.
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown && await _gate.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken))
        {
            try
            {
                await CheckpointNowAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex, _definition.Name, _active.Position);
            }
            finally
            {
                _gate.Release();
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task EnsureRunningAsync() => Task.CompletedTask;

    public Task<IReadOnlyList<int>> GetLiveGenerationsAsync() => Task.FromResult(_generations.LiveGenerations(time.GetUtcNow()));

    public Task<int> GetActiveGenerationAsync() => Task.FromResult(_generations.Active);

    public Task<IReadOnlyList<string>> GetPartitionsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(S.Partitions.Order(StringComparer.Ordinal).ToList());

    public Task<int> GetPartitionCountAsync() => Task.FromResult(S.Partitions.Count);

    public Task<ProjectionStatus> GetStatusAsync() => MeasureAsync();

    public async Task<ProjectionStatus> RebuildAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_rebuild is null)
            {
                await RetireAsync(force: true);
                var generation = _generations.StartRebuild(time.GetUtcNow());
                await state.WriteStateAsync();
                _rebuild = new GenerationCursor(generation, LogPosition.Start);
                LogRebuildStarted(logger, _definition.Name, generation, _generations.Active);
                if (BulkDue(_rebuild) && _bulk is null)
                {
                    StartBulk(_rebuild);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return await MeasureAsync();
    }

    public async Task CatchUpNowAsync()
    {
        await _gate.WaitAsync();
        try
        {
            while (BulkDue(_active) && (_bulkFor is null || _bulkFor == _active))
            {
                if (await BuildInMemoryAsync(_active, S.Partitions) is not null || _bulk is not { } building)
                {
                    break; // built, or failed: catch-up pages do the rest
                }

                await ((Task)building.Completion).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            }

            while (!(await CatchUpAsync(_active, S.Partitions, int.MaxValue)).ReachedEnd)
            {
            }

            await CheckpointNowAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        CancelBulk();
        _gate.Dispose();
    }

    Task<ShardAck> IProjectionShards.ApplyAsync(int generation, string partition, IReadOnlyList<EventEnvelope> events) =>
        Shard(generation, partition).ApplyAsync(events);

    Task<ShardAck> IProjectionShards.CatchUpAsync(int generation, string partition, IReadOnlyList<LogEntry> entries) =>
        Shard(generation, partition).CatchUpAsync(entries);

    Task<bool> IProjectionShards.FlushAsync(int generation, string partition, Guid activation) =>
        Shard(generation, partition).FlushAsync(activation);

    private IProjectionShardGrain Shard(int generation, string partition) => _definition.Shard(GrainFactory, generation, partition);

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await ActiveStepAsync();
            if (_rebuild is not null)
            {
                await RebuildStepAsync(_rebuild);
            }

            await RetireAsync(force: false);
            if (await _checkpoints.TickAsync(Cursors))
            {
                await StoreCheckpointAsync();
            }

            _failedTicks = 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_failedTicks++ % 25 == 0)
            {
                LogTickFailed(logger, ex, _definition.Name, _active.Position);
            }
        }
        finally
        {
            _gate.Release();
        }

        if (_health.Due)
        {
            try
            {
                await MeasureAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex, _definition.Name, _active.Position);
            }
        }
    }

    /// <summary>Catches <paramref name="cursor"/>'s generation up by up to <paramref name="maxPages"/> pages: by the
    /// log's entries when it gets live events (the active generation; a rebuilding one once it shadows it).</summary>
    private async Task<CatchUpResult> CatchUpAsync(GenerationCursor cursor, HashSet<string> partitions, int maxPages)
    {
        var getsLive = cursor == _active || S.ShadowingSince is not null;
        var result = await _catchUp.RunAsync(cursor, partitions, maxPages, byEntries: getsLive && _options.CatchUpByEntries);
        metrics.CaughtUpWhole(_definition.Name, result.ReadWhole);
        if (result.Delivered > 0)
        {
            S.LastAppliedAt = time.GetUtcNow();
            _health.Progressed(S.LastAppliedAt.Value);
        }

        _stateChanged |= result.NewPartitions;
        return result;
    }

    private GenerationCursor[] Cursors => _rebuild is null ? [_active] : [_active, _rebuild];

    /// <summary>Has every shard that took events write its state now, then stores the checkpoint (before a handover, a
    /// deactivation, or when asked to catch up now).</summary>
    private async Task CheckpointNowAsync()
    {
        await _checkpoints.NowAsync(Cursors);
        await StoreCheckpointAsync();
    }

    private async Task StoreCheckpointAsync()
    {
        _stateChanged |= S.Checkpoint != _active.Stored || (_rebuild is not null && S.RebuildCheckpoint != _rebuild.Stored);
        S.Checkpoint = _active.Stored;
        if (_rebuild is not null)
        {
            S.RebuildCheckpoint = _rebuild.Stored;
        }

        if (_stateChanged)
        {
            await state.WriteStateAsync();
            _stateChanged = false;
        }
    }

    /// <summary>Advances the rebuilding generation; once it has read to the end it also gets live events, and after
    /// <see cref="ProjectionOptions.Handover"/> of that it takes over reads.</summary>
    private async Task RebuildStepAsync(GenerationCursor rebuild)
    {
        long built = 0;
        if (BulkDue(rebuild))
        {
            if (await BuildInMemoryAsync(rebuild, S.RebuildPartitions) is not { } applied)
            {
                return;
            }

            built = applied;
        }

        var read = await CatchUpAsync(rebuild, S.RebuildPartitions, _options.RebuildPagesPerTick);
        var now = time.GetUtcNow();
        var step = _generations.Read(built + read.Delivered, read.ReachedEnd, rebuild.Position, _active.Position, now);
        if (step == RebuildStep.CaughtUp)
        {
            await state.WriteStateAsync();
            LogShadowing(logger, _definition.Name, rebuild.Generation, rebuild.Position, S.RebuildApplied);
        }
        else if (step == RebuildStep.HandoverDue)
        {
            await TakeOverAsync(rebuild, now);
        }
    }

    /// <summary>Catches the active generation up by a tick's pages, unless it is being built in memory (its first build).</summary>
    private async Task ActiveStepAsync()
    {
        if (!BulkDue(_active) || await BuildInMemoryAsync(_active, S.Partitions) is not null)
        {
            await CatchUpAsync(_active, S.Partitions, _options.PagesPerTick);
        }
    }

    /// <summary>Whether <paramref name="cursor"/>'s generation is to be built in memory (<see cref="GenerationImage"/>)
    /// rather than through catch-up pages: nothing was delivered to it or stored since it started from the log's start,
    /// and it is a rebuild, or the first build of a projection whose views never took an event. A first build's shards
    /// may get live events meanwhile: adopting the images replaces what they applied past the images' end, and
    /// catch-up from there delivers it again.</summary>
    private bool BulkDue(GenerationCursor cursor) =>
        _options.RebuildInMemory && _definition.NewImage is not null && !_imaged.Contains(cursor.Generation)
        && cursor.Position == LogPosition.Start && cursor.Stored == LogPosition.Start && cursor.Unflushed.Count == 0 && !cursor.Checkpointing
        && (cursor == _rebuild || (cursor == _active && S.Partitions.Count == 0));

    /// <summary>Starts building <paramref name="cursor"/>'s generation in memory: its image joins the silo's next scan
    /// of the log (<see cref="RebuildScans"/>), and is adopted as soon as it is built.</summary>
    private void StartBulk(GenerationCursor cursor)
    {
        var environment = new BulkRebuildEnvironment(store, log, deadLetters, _definition, metrics, time);
        var cancel = new CancellationTokenSource();
        var image = new GenerationImage(_definition, new ShardRebuildContext(_definition.Name, environment, _options.RetryPolicy, time), cancel.Token);
        _bulk = image;
        _bulkFor = cursor;
        _bulkCancel = cancel;
        _bulkStarted = time.GetTimestamp();
        scans.Join(image);
        LogBulkStarted(logger, _definition.Name, cursor.Generation);
        _ = AdoptWhenBuiltAsync(image);
    }

    /// <summary>Takes the next step of the generation built in memory as soon as <paramref name="image"/> is built,
    /// rather than at the next tick. Runs on the grain's scheduler (it is started there and resumes there).</summary>
    private async Task AdoptWhenBuiltAsync(GenerationImage image)
    {
        await ((Task)image.Completion).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        await _gate.WaitAsync();
        try
        {
            if (_bulk != image)
            {
                return;
            }

            if (_bulkFor == _active)
            {
                await ActiveStepAsync();
            }
            else if (_bulkFor == _rebuild && _rebuild is not null)
            {
                await RebuildStepAsync(_rebuild);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTickFailed(logger, ex, _definition.Name, _active.Position);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts or follows the in-memory build of <paramref name="cursor"/>'s generation; once built, has every
    /// shard adopt its image, records them in <paramref name="partitions"/>, stores the checkpoint at the images' end and
    /// returns how many events they took. Null while it runs (or another generation's does), and when it failed (the next
    /// tick starts it again).</summary>
    private async Task<long?> BuildInMemoryAsync(GenerationCursor cursor, HashSet<string> partitions)
    {
        if (_bulk is null)
        {
            StartBulk(cursor);
            return null;
        }

        if (_bulkFor != cursor)
        {
            return null;
        }

        if (!_bulk.Completion.IsCompleted)
        {
            if (cursor == _rebuild)
            {
                _generations.Building(_bulk.Applied);
            }

            return null;
        }

        var run = _bulk.Completion;
        CancelBulk();
        GenerationImageResult result;
        try
        {
            result = await run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBulkFailed(logger, ex, _definition.Name, cursor.Generation);
            return null;
        }

        if (cursor == _rebuild)
        {
            _generations.Building(0);
        }

        var built = time.GetElapsedTime(_bulkStarted);
        _imaged.Add(cursor.Generation); // once: a generation sent back later catches up by pages
        foreach (var chunk in result.Shards.Chunk(_options.CheckpointFlushConcurrency))
        {
            var acks = await Task.WhenAll(chunk.Select(async s =>
                (Partition: s.Key, Ack: await Shard(cursor.Generation, s.Key).AdoptAsync(new Immutable<object>(s.Value.State)))));
            foreach (var (partition, ack) in acks)
            {
                cursor.Delivered(partition, ack.Activation);
                _stateChanged |= partitions.Add(partition);
            }
        }

        cursor.Advance(result.End);
        await _checkpoints.NowAsync([cursor]);
        await StoreCheckpointAsync();
        if (result.Applied > 0)
        {
            S.LastAppliedAt = time.GetUtcNow();
            _health.Progressed(S.LastAppliedAt.Value);
        }

        LogBulkBuilt(logger, _definition.Name, cursor.Generation, result.Applied, result.Shards.Count, result.End, built.TotalSeconds, (time.GetElapsedTime(_bulkStarted) - built).TotalSeconds);
        return result.Applied;
    }

    private void CancelBulk()
    {
        _bulkCancel?.Cancel();
        _bulkCancel?.Dispose();
        _bulkCancel = null;
        _bulk = null;
        _bulkFor = null;
    }

    /// <summary>Has every shard write what it took, then switches reads to the rebuilt generation, unless the
    /// checkpoint could not store everything it read: a shard that lost events (its silo died) sends the cursor back
    /// to its stored checkpoint, behind the active generation, and taking over there would show older figures.</summary>
    private async Task TakeOverAsync(GenerationCursor rebuild, DateTimeOffset now)
    {
        var read = rebuild.Position;
        await CheckpointNowAsync();
        if (rebuild.Position != read || rebuild.Stored != read)
        {
            return;
        }

        var rebuilt = _generations.Progress(rebuild.Position, now)!;
        var previous = _generations.TakeOver(rebuild.Stored, now);
        await state.WriteStateAsync();
        _active = rebuild;
        _rebuild = null;
        LogTookOver(logger, _definition.Name, rebuild.Generation, previous, rebuild.Position, rebuilt.Applied, rebuilt.EventsPerSecond);
    }

    /// <summary>Clears the shards of a replaced generation once no cached reader or live router can still use it
    /// (<paramref name="force"/>: now, before a new rebuild).</summary>
    private async Task RetireAsync(bool force)
    {
        if (_generations.Retiring is not { } generation || !(force || _generations.RetireDue(time.GetUtcNow())))
        {
            return;
        }

        await Task.WhenAll(_generations.RetiringPartitions.Select(p => Shard(generation, p).RetireAsync()));
        _generations.Retired();
        await state.WriteStateAsync();
        LogRetired(logger, _definition.Name, generation);
    }

    private async Task<ProjectionStatus> MeasureAsync()
    {
        var position = _active.Position;
        var reading = await _health.MeasureAsync(position, rebuilding: _rebuild is not null);
        var status = new ProjectionStatus
        {
            Name = _definition.Name,
            Generation = _generations.Active,
            Health = reading.Health,
            Checkpoint = position,
            HeadPosition = reading.HeadPosition,
            LagEvents = reading.LagEvents,
            LagMilliseconds = reading.LagMilliseconds,
            LastAppliedAt = S.LastAppliedAt,
            DeadLetters = reading.DeadLetters,
            Partitions = S.Partitions.Count,
            Rebuild = _rebuild is null ? null : _generations.Progress(_bulkFor == _rebuild ? _bulk?.Position ?? _rebuild.Position : _rebuild.Position, reading.MeasuredAt),
            MeasuredAt = reading.MeasuredAt,
        };
        metrics.Measured(status);
        return status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection} coordinator started: generation {Generation} from checkpoint {Checkpoint}, rebuilding {RebuildGeneration}")]
    private static partial void LogStarted(ILogger logger, string projection, int generation, LogPosition checkpoint, int? rebuildGeneration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} catch-up failed at {Position}; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception error, string projection, LogPosition position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: rebuilding generation {Generation} from position 0 while generation {Active} serves reads")]
    private static partial void LogRebuildStarted(ILogger logger, string projection, int generation, int active);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: generation {Generation} has caught up to {Position} ({Applied} events) and now also gets live events")]
    private static partial void LogShadowing(ILogger logger, string projection, int generation, LogPosition position, long applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: building generation {Generation} in memory from a read of the log")]
    private static partial void LogBulkStarted(ILogger logger, string projection, int generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: generation {Generation} built in memory from {Applied} events into {Shards} shards up to {Position} in {BuildSeconds:F1} s; its shards adopted and wrote it in {AdoptSeconds:F1} s")]
    private static partial void LogBulkBuilt(ILogger logger, string projection, int generation, long applied, int shards, LogPosition position, double buildSeconds, double adoptSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection}: building generation {Generation} in memory failed; starting again at the next tick")]
    private static partial void LogBulkFailed(ILogger logger, Exception error, string projection, int generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: generation {Generation} took over from generation {Previous} at {Position} after {Applied} events ({Rate:F0} events/s)")]
    private static partial void LogTookOver(ILogger logger, string projection, int generation, int previous, LogPosition position, long applied, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: generation {Generation} retired")]
    private static partial void LogRetired(ILogger logger, string projection, int generation);
}
