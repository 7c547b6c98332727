using System.Diagnostics;
using System.Diagnostics.Metrics;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using static Inventory.Grains.Tests.Commands;
using Fault = Inventory.Testing.FaultInjectingEventStore.Fault;

namespace Inventory.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StockItemGrainFailureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GivenStoreUnreachable_WhenMovementArrives_ThenCallerGetsStorageUnavailableQuicklyAndRetryAppliesOnce()
    {
        var key = ClusterFixture.NewKey();
        await fixture.Item(key).ExecuteAsync(Receive(10));
        fixture.Store.Inject(key, Fault.Unreachable);
        var pick = Pick(4);
        var failures = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StockItemMetrics.MeterName && instrument.Name == "inventory.append.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        listener.Start();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => fixture.Item(key).ExecuteAsync(pick));
        watch.Stop();

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.True(Interlocked.Read(ref failures) >= 1, "the failed append was not counted");
        Assert.True(watch.Elapsed < ClusterFixture.CommitTimeout, $"failed after {watch.Elapsed}, not fast");
        fixture.Store.Heal(key);
        var retried = await fixture.Item(key).ExecuteAsync(pick);
        Assert.Equal((2, 6L, false), (retried.Version, retried.OnHand, retried.Duplicate));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync(key, 0, 100)).Count);
    }

    [Fact]
    public async Task GivenCommitWhoseAcknowledgementIsLost_WhenRetried_ThenAppliedExactlyOnce()
    {
        var key = ClusterFixture.NewKey();
        await fixture.Item(key).ExecuteAsync(Receive(10));
        fixture.Store.Inject(key, Fault.CommitThenLoseAcknowledgement);
        var pick = Pick(4);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => fixture.Item(key).ExecuteAsync(pick));
        fixture.Store.Heal(key);
        var retried = await fixture.Item(key).ExecuteAsync(pick);
        var next = await fixture.Item(key).ExecuteAsync(Pick(1));

        Assert.True(retried.Duplicate);
        Assert.Equal((2, 6L), (retried.Version, retried.OnHand));
        Assert.Equal((3, 5L), (next.Version, next.OnHand));
        var stream = await fixture.Store.ReadStreamAsync(key, 0, 100);
        Assert.Single(stream, e => e.MovementId == pick.MovementId);
    }

    [Fact]
    public async Task GivenStoreUnreachable_WhenItemActivates_ThenCallFailsInsteadOfHanging()
    {
        var key = ClusterFixture.NewKey();
        fixture.Store.Inject(key, Fault.Unreachable);

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => fixture.Item(key).GetDetailsAsync());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"failed after {watch.Elapsed}");
        fixture.Store.Heal(key);
        Assert.Equal(0, (await fixture.Item(key).GetDetailsAsync()).Version);
    }

    [Fact]
    public async Task GivenMalformedKey_WhenCalled_ThenActivationIsRefusedAndNothingIsWritten()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Item("no-slash-here").ExecuteAsync(Receive(1)));

        Assert.Contains("no-slash-here", error.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Store.ReadStreamAsync("no-slash-here", 0, 10));
    }
}
