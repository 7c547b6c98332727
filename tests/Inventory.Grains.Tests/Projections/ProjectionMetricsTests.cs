using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Grains.Tests.Projections;

/// <summary>The read side's figures are .NET metrics: freshness per applied event, and the coordinators' lag gauges.</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class ProjectionMetricsTests(ProjectionClusterFixture fixture)
{
    [Fact]
    public async Task GivenMovementsProjected_WhenTheMeterIsRead_ThenFreshnessAndLagAreReportedPerProjection()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Projection)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.MeterName && instrument.Name.StartsWith("inventory.projection.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Projection(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Projection(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Add((i.Name, v, Projection(tags))));
        listener.Start();

        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var result = await fixture.Item(warehouse, "m").ExecuteAsync(Commands.Receive(1));
        Assert.True(await fixture.Views.WaitForAsync($"{warehouse}/m", result.Position, TimeSpan.FromSeconds(10)));
        await ProjectionClusterFixture.EventuallyAsync(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(measurements.Where(m => m.Instrument == "inventory.projection.checkpoint" && m.Value >= result.Position)
                    .Select(m => m.Projection).Distinct().Count());
            },
            projections => projections >= 2);

        Assert.Contains(measurements, m => m.Instrument == "inventory.projection.freshness" && m.Projection == "warehouses" && m.Value >= 0);
        Assert.Contains(measurements, m => m.Instrument == "inventory.projection.freshness" && m.Projection == "skus");
        Assert.Contains(measurements, m => m.Instrument == "inventory.projection.applied" && m.Projection == "warehouses");
        foreach (var gauge in new[] { "lag.events", "lag.time", "head", "dead_letters", "health" })
        {
            Assert.Contains(measurements, m => m.Instrument == $"inventory.projection.{gauge}" && m.Projection == "skus");
        }
    }

    private static string? Projection(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "projection")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
