using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A rebuild's one read of the log (<see cref="LogScan"/>) builds every rebuilding projection's shards in
/// memory (<see cref="GenerationImage"/>) under the same rules as their grains: the images equal the views built event by
/// event, a failing event is retried and parked, a failed read fails every image, and a cancelled rebuild is dropped.</summary>
public sealed class LogScanTests
{
    private static readonly ShardRetryPolicy Policy = new(3, TimeSpan.FromMilliseconds(1));
    private readonly StockLog _stock = new();

    [Theory]
    [InlineData(3, LogScan.ChunkSize)]
    [InlineData(7, 2)] // pages handed on in chunks, each ending inside its page
    public async Task GivenALogOverManyPages_WhenOneScanFeedsBothProjections_ThenEachShardsImageEqualsItsViewBuiltEventByEvent(int pageSize, int chunkSize)
    {
        await WriteLogAsync();
        var environment = new RecordingEnvironment(_stock.Store);
        var warehouses = Image(StandardProjections.Warehouses, environment);
        var skus = Image(StandardProjections.Skus, environment);
        var scan = new LogScan(_stock.Store, pageSize, chunkSize);

        await scan.RunAsync([warehouses, skus]);

        var builtWarehouses = await warehouses.Completion;
        var builtSkus = await skus.Completion;
        var end = new LogPosition(_stock.Log[^1].TransactionId, _stock.Log[^1].Position);
        Assert.Equal(end, builtWarehouses.End);
        Assert.Equal(_stock.Log.Count, builtWarehouses.Applied);
        Assert.Equal(_stock.Log.Count, builtSkus.Applied);
        Assert.Equal(["wh-1", "wh-2"], builtWarehouses.Shards.Keys.Order(StringComparer.Ordinal));
        foreach (var (partition, image) in builtWarehouses.Shards)
        {
            var expected = await EventByEventAsync<WarehouseView>(StandardProjections.Warehouses, partition);
            var state = Assert.IsType<ShardState<WarehouseView>>(image.State);
            Assert.Equal(ViewText.Of(expected.View), ViewText.Of(state.View));
            Assert.Equal(expected.Streams.OrderBy(s => s.Key, StringComparer.Ordinal), state.Streams.OrderBy(s => s.Key, StringComparer.Ordinal));
        }

        foreach (var (partition, image) in builtSkus.Shards)
        {
            var expected = await EventByEventAsync<SkuView>(StandardProjections.Skus, partition);
            Assert.Equal(ViewText.Of(expected.View), ViewText.Of(Assert.IsType<ShardState<SkuView>>(image.State).View));
        }

        Assert.Empty(environment.Parked);
        Assert.Empty(environment.GapReads);
        var figures = scan.Figures(TimeSpan.FromSeconds(1));
        Assert.Equal(_stock.Log.Count, figures.Events);
        Assert.Equal(_stock.Log.Count / pageSize + 1, figures.Pages);
    }

    [Fact]
    public async Task GivenAnEventOneProjectionCannotApply_WhenScanned_ThenThatProjectionRetriesAndParksItAndTheOtherIsComplete()
    {
        await WriteLogAsync();
        var environment = new RecordingEnvironment(_stock.Store);
        var picky = Image(StandardProjections.Warehouses with { Name = "picky", NewImage = ShardImage<PickRefusingView>.Create }, environment);
        var warehouses = Image(StandardProjections.Warehouses, new RecordingEnvironment(_stock.Store));

        await new LogScan(_stock.Store, pageSize: 4).RunAsync([picky, warehouses]);

        var picks = _stock.Log.Where(e => e.Type == StockItemEventTypes.Picked).ToList();
        Assert.NotEmpty(picks);
        Assert.Equal(picks.Select(e => e.EventId), environment.Parked.Select(p => p.Envelope.EventId));
        Assert.All(environment.Parked, p => Assert.Equal(Policy.MaxAttempts, p.Attempts));
        Assert.Equal(_stock.Log.Count, (await picky.Completion).Applied);
        Assert.Equal(_stock.Log.Count, (await warehouses.Completion).Applied);
    }

    [Fact]
    public async Task GivenTheDeadLetterStoreDown_WhenAnEventMustBeParked_ThenOnlyThatProjectionsImageFails()
    {
        await WriteLogAsync();
        var picky = Image(StandardProjections.Warehouses with { Name = "picky", NewImage = ShardImage<PickRefusingView>.Create }, new RecordingEnvironment(_stock.Store) { ParkingFails = true });
        var warehouses = Image(StandardProjections.Warehouses, new RecordingEnvironment(_stock.Store));

        await new LogScan(_stock.Store, pageSize: 4).RunAsync([picky, warehouses]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => picky.Completion);
        Assert.Equal(_stock.Log.Count, (await warehouses.Completion).Applied);
    }

    [Fact]
    public async Task GivenTheLogFailingMidway_WhenScanned_ThenEveryImageFailsWithItsError()
    {
        await WriteLogAsync();
        var log = new FailingLog(_stock.Store, failOnPage: 3);
        var warehouses = Image(StandardProjections.Warehouses, new RecordingEnvironment(_stock.Store));
        var skus = Image(StandardProjections.Skus, new RecordingEnvironment(_stock.Store));

        await new LogScan(log, pageSize: 2).RunAsync([warehouses, skus]);

        Assert.Equal("The event store is down.", (await Assert.ThrowsAsync<InvalidOperationException>(() => warehouses.Completion)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => skus.Completion);
    }

    [Fact]
    public async Task GivenARebuildCancelledBeforeTheScan_WhenScanned_ThenItsImageIsCancelledAndTheOtherCompletes()
    {
        await WriteLogAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var cancelled = new GenerationImage(StandardProjections.Skus, Context(StandardProjections.Skus, new RecordingEnvironment(_stock.Store)), cancel.Token);
        var warehouses = Image(StandardProjections.Warehouses, new RecordingEnvironment(_stock.Store));

        await new LogScan(_stock.Store, pageSize: 5).RunAsync([cancelled, warehouses]);

        await Assert.ThrowsAsync<TaskCanceledException>(() => cancelled.Completion);
        Assert.Equal(_stock.Log.Count, (await warehouses.Completion).Applied);
    }

    [Fact]
    public async Task GivenAnEmptyLog_WhenScanned_ThenTheImageIsEmptyAtTheStart()
    {
        var warehouses = Image(StandardProjections.Warehouses, new RecordingEnvironment(_stock.Store));

        await new LogScan(_stock.Store, pageSize: 5).RunAsync([warehouses]);

        var built = await warehouses.Completion;
        Assert.Equal(LogPosition.Start, built.End);
        Assert.Empty(built.Shards);
    }

    [Fact]
    public async Task GivenTwoRebuildsStartingTogether_WhenTheyJoinTheSilosScans_ThenOneReadOfTheLogBuildsBoth()
    {
        await WriteLogAsync();
        var log = new FailingLog(_stock.Store, failOnPage: int.MaxValue);
        var scans = new RebuildScans(log, Microsoft.Extensions.Options.Options.Create(new ProjectionOptions { RebuildPageSize = 4, RebuildJoinWindow = TimeSpan.FromMilliseconds(200) }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RebuildScans>.Instance);
        var warehouses = Image(StandardProjections.Warehouses, new RecordingEnvironment(_stock.Store));
        var skus = Image(StandardProjections.Skus, new RecordingEnvironment(_stock.Store));

        scans.Join(warehouses);
        scans.Join(skus);
        await Task.WhenAll(warehouses.Completion, skus.Completion).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(_stock.Log.Count, (await skus.Completion).Applied);
        Assert.Equal((_stock.Log.Count / 4) + 1, log.Pages);
    }

    private async Task WriteLogAsync()
    {
        for (var round = 0; round < 3; round++)
        {
            await _stock.ApplyAsync("wh-1/apples", StockLog.Receive(10), StockLog.Pick(2));
            await _stock.ApplyAsync("wh-2/apples", StockLog.Receive(4));
            await _stock.ApplyAsync("wh-1/pears", StockLog.Receive(7), StockLog.Reserve(3, $"r-{round}"), StockLog.ReorderAt(5));
            await _stock.ApplyAsync("wh-2/plums", StockLog.Receive(1), StockLog.Pick(1));
        }
    }

    private async Task<ShardState<TView>> EventByEventAsync<TView>(ProjectionDefinition definition, string partition)
        where TView : IProjectionView, new()
    {
        var state = new ShardState<TView>();
        var shard = new ProjectionShard<TView>(state, new RecordingEnvironment(_stock.Store), Policy, TimeProvider.System);
        foreach (var envelope in _stock.Log.Where(e => definition.PartitionOf(e.StreamId) == partition))
        {
            await shard.ApplyAsync([envelope]);
        }

        return state;
    }

    private static GenerationImage Image(ProjectionDefinition definition, IShardEnvironment environment) =>
        new(definition, Context(definition, environment), CancellationToken.None);

    private static ShardRebuildContext Context(ProjectionDefinition definition, IShardEnvironment environment) =>
        new(definition.Name, environment, Policy, TimeProvider.System);

    /// <summary>A warehouse view with a bug: it cannot apply picks.</summary>
    public sealed class PickRefusingView : IProjectionView
    {
        public WarehouseView Inner { get; } = new();

        public void Apply(ProjectedEvent e)
        {
            ArgumentNullException.ThrowIfNull(e);
            if (e.Event is StockPicked)
            {
                throw new InvalidOperationException("Cannot project picks.");
            }

            Inner.Apply(e);
        }
    }

    /// <summary>The log, counting the pages read, failing from the <c>failOnPage</c>-th read on.</summary>
    private sealed class FailingLog(IEventLog inner, int failOnPage) : IEventLog
    {
        private int _pages;

        public int Pages => _pages;

        public Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _pages) >= failOnPage
                ? throw new InvalidOperationException("The event store is down.")
                : inner.ReadAllAsync(after, maxCount, cancellationToken);

        public Task<LogEntryPage> ReadEntriesAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadEntriesAsync(after, maxCount, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken = default) =>
            inner.ReadEventsAsync(positions, cancellationToken);

        public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default) =>
            inner.ReadHeadAsync(after, pendingCap, cancellationToken);

        public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default) => inner.ReadAtAsync(position, cancellationToken);
    }
}
