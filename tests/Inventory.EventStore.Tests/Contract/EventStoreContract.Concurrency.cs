using System.Collections.Concurrent;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task GivenTwentyWritersAtTheSameExpectedVersion_WhenTheyAppendAtOnce_ThenExactlyOneWinsAndOnlyItsEventIsStored()
    {
        var streamId = NewStreamId();
        await Store.AppendAsync(streamId, 0, [NewEvent(streamId)]);
        var candidates = Enumerable.Range(0, 20).Select(_ => NewEvent(streamId)).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = candidates.Select(e => Task.Run(async () =>
        {
            await start.Task;
            return await Store.AppendAsync(streamId, 1, [e]);
        })).ToArray();

        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Equal(1, results.Count(r => r.Status == AppendStatus.Appended));
        Assert.Equal(19, results.Count(r => r.Status == AppendStatus.VersionConflict));
        var winner = candidates[Array.FindIndex(results, r => r.Status == AppendStatus.Appended)];
        var stored = await ReadAllAsync(streamId);
        Assert.Equal([1, 2], stored.Select(e => e.Version));
        Assert.Equal(winner.EventId, stored[1].EventId);
    }

    [Fact]
    public async Task GivenTwoHundredStreams_WhenEachTakesTwentyAppendsInParallel_ThenEveryStreamIsGapFreeAndPositionsAreUnique()
    {
        const int streams = 200;
        const int appendsPerStream = 20;
        var streamIds = Enumerable.Range(0, streams).Select(_ => NewStreamId()).ToArray();
        var positions = new ConcurrentBag<long>();

        await Parallel.ForEachAsync(streamIds, new ParallelOptions { MaxDegreeOfParallelism = streams }, async (streamId, cancellationToken) =>
        {
            for (var version = 0; version < appendsPerStream; version++)
            {
                var result = await Store.AppendAsync(streamId, version, [NewEvent(streamId, T0.AddSeconds(version))], cancellationToken);
                Assert.Equal(AppendStatus.Appended, result.Status);
                positions.Add(result.Positions.Single());
            }
        });

        Assert.Equal(streams * appendsPerStream, positions.Distinct().Count());
        foreach (var streamId in streamIds)
        {
            var stored = await ReadAllAsync(streamId);
            Assert.Equal(Enumerable.Range(1, appendsPerStream), stored.Select(e => e.Version));
            Assert.Equal(stored.Select(e => e.GlobalPosition).Order(), stored.Select(e => e.GlobalPosition));
        }
    }

    [Fact]
    public async Task GivenManyWritersOnFewStreams_WhenEachRetriesConflictsUntilStored_ThenNoEventIsLostOrDoubled()
    {
        var streamIds = Enumerable.Range(0, 4).Select(_ => NewStreamId()).ToArray();
        var events = streamIds.SelectMany(s => Enumerable.Range(0, 25).Select(_ => (StreamId: s, Event: NewEvent(s)))).ToArray();

        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (item, cancellationToken) =>
        {
            while (true)
            {
                var version = (await ReadAllAsync(item.StreamId)).Count;
                var result = await Store.AppendAsync(item.StreamId, version, [item.Event], cancellationToken);
                if (result.Stored)
                {
                    return;
                }

                Assert.Equal(AppendStatus.VersionConflict, result.Status);
            }
        });

        foreach (var streamId in streamIds)
        {
            var stored = await ReadAllAsync(streamId);
            Assert.Equal(Enumerable.Range(1, 25), stored.Select(e => e.Version));
            Assert.Equal(events.Where(e => e.StreamId == streamId).Select(e => e.Event.EventId).Order(), stored.Select(e => e.EventId).Order());
        }
    }
}
