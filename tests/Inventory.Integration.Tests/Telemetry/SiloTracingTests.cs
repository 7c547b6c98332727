using System.Diagnostics;
using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Projections;
using Inventory.Silo;
using Inventory.Silo.Management;
using Inventory.StockItems;
using Inventory.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Telemetry;

/// <summary>The silo's own tracing set-up (<see cref="SiloTelemetryExtensions"/>, switched on by configuration) on
/// PostgreSQL, exported to OpenTelemetry's in-memory exporter: a movement's append, the writer's batch with Npgsql's
/// command under it, the publish and the projections' apply reach the exporter in the movement's trace, and nothing
/// else: the silo never starts a trace of its own.</summary>
public sealed class SiloTracingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly ExportedSpans _exported = [];
    private WebApplication? _silo;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var ports = FreePorts.Take(2);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{SiloHostingExtensions.ConnectionStringName}"] = _database.ConnectionString,
            ["Inventory:ClusterId"] = $"tracing-{Guid.NewGuid():N}",
            ["Inventory:ServiceId"] = "tracing-tests",
            ["Inventory:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Inventory:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TelemetryNames.TracingSwitch] = "true",

            // The live path is the traced one: a catch-up that reached the views first would leave the live deliveries
            // nothing to apply (and read back from the store, events carry no trace to continue).
            ["Inventory:Projections:CatchUpInterval"] = "00:01:00",
        });
        builder.AddInventorySilo();
        builder.AddInventorySiloTelemetry();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_exported));
        _silo = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _silo.PrepareInventorySiloAsync(timeout.Token);
        await _silo.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            await _silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GivenTracingSwitchedOn_WhenMovementsAreApplied_ThenTheExporterGetsAppendBatchNpgsqlPublishAndProjectInTheirTraces()
    {
        var grains = _silo!.Services.GetRequiredService<IGrainFactory>();
        List<ActivityTraceId> traces = [];
        for (var i = 0; i < 3; i++)
        {
            // The caller's span, as the API's request span would be.
            using var request = new Activity("test request").SetIdFormat(ActivityIdFormat.W3C);
            request.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            request.Start();
            traces.Add(request.TraceId);
            var result = await grains.GetGrain<IStockItemGrain>($"wh-trace/sku-{i}").ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 2 });
            Assert.True(result.Accepted);
        }

        List<Activity> Spans()
        {
            lock (_exported)
            {
                var ours = new List<Activity>();
                foreach (var span in _exported)
                {
                    if (traces.Contains(span.TraceId))
                    {
                        ours.Add(span);
                    }
                }

                return ours;
            }
        }

        // The grain publishes after it answers: the last movement's publish (and the projections' apply) may end
        // after the call returned.
        try
        {
            await Wait.UntilAsync(
                () => Task.FromResult(Spans() is var now && now.Count(s => s.OperationName == "publish") >= 3 && now.Count(s => s.OperationName == "project") >= 2),
                TimeSpan.FromSeconds(10),
                "every movement was published and the projections applied a traced movement");
        }
        finally
        {
            foreach (var span in Spans().OrderBy(s => s.StartTimeUtc))
            {
                output.WriteLine($"{span.TraceId} {span.SpanId} <- {span.ParentSpanId} {span.OperationName} [{span.Kind}, {span.Source.Name}]");
            }
        }

        var spans = Spans();
        Assert.NotEmpty(spans);

        Assert.Equal(3, spans.Count(s => s.Source.Name == StockItemTracing.SourceName && s.OperationName == "append"));
        Assert.Equal(3, spans.Count(s => s.Source.Name == StockItemTracing.SourceName && s.OperationName == "publish"));
        var batches = spans.Where(s => s.Source.Name == EventStoreTracing.SourceName).ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, batch => Assert.Contains(spans, append => append.OperationName == "append" && append.SpanId == batch.ParentSpanId));
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && batches.Any(b => b.SpanId == s.ParentSpanId));
        Assert.Contains(spans, s => s.Source.Name == ProjectionTracing.SourceName && s.Kind == ActivityKind.Consumer);
        Assert.Contains(spans, s => s.Source.Name == TelemetryNames.OrleansApplicationSource && s.Kind == ActivityKind.Server);

        // The silo's background work (catch-up, checkpoints, timers, queue polling) ran meanwhile and started no trace.
        lock (_exported)
        {
            Assert.All(_exported, s => Assert.True(traces.Contains(s.TraceId), $"{s.OperationName} [{s.Source.Name}] is in a trace no request started"));
        }
    }

    /// <summary>The exporter adds from the threads that end spans while the test reads: every access under one lock.</summary>
    private sealed class ExportedSpans : System.Collections.ObjectModel.Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item)
        {
            lock (this)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
