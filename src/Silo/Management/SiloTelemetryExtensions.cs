using Inventory.Contracts;
using Inventory.EventStore;
using Inventory.EventStore.Postgres;
using Inventory.Projections;
using Inventory.StockItems;
using Inventory.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inventory.Silo.Management;

/// <summary>The silo's telemetry through OpenTelemetry. Metrics: the project's meters, Orleans', Npgsql's and the
/// runtime's, on a Prometheus scrape endpoint of the management port. Traces: the grain calls (continuing the caller's
/// trace), each round's append and publish, the writer batches with Npgsql's commands, the projections' apply. Both over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class SiloTelemetryExtensions
{
    /// <summary>The service name the silo's telemetry carries.</summary>
    public const string ServiceName = "inventory-silo";

    /// <summary>The activity sources the silo traces (besides Npgsql's): Orleans' grain calls, the stock items' append and
    /// publish, the event store's writer batches and the projections' apply (docs/operations.md, "Traces").</summary>
    public static IReadOnlyList<string> TraceSources { get; } =
    [
        TelemetryNames.OrleansRuntimeSource, TelemetryNames.OrleansApplicationSource,
        StockItemTracing.SourceName, EventStoreTracing.SourceName, ProjectionTracing.SourceName,
    ];

    public static WebApplicationBuilder AddInventorySiloTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(StockItemMetrics.MeterName, ProjectionMetrics.MeterName, TransferMetrics.MeterName, PostgresEventStore.MeterName, TelemetryNames.OrleansMeter)
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        // Tracing costs an activity per request and grain call, so it is on only when something receives the traces.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryNames.OtlpEndpoint]);
        if (otlp || builder.Configuration.GetValue<bool>(TelemetryNames.TracingSwitch))
        {
            // The silo continues traces and never starts one (ContinuingSampler).
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new ContinuingSampler()))
                .AddSource([.. TraceSources])
                .AddNpgsql());
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
