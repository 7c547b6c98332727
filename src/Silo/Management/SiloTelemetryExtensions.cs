using Inventory.EventStore.Postgres;
using Inventory.Projections;
using Inventory.StockItems;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Inventory.Silo.Management;

/// <summary>The silo's metrics through OpenTelemetry: the project's meters, Orleans', Npgsql's and the runtime's, on a
/// Prometheus scrape endpoint of the management port, and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class SiloTelemetryExtensions
{
    /// <summary>The service name the silo's telemetry carries.</summary>
    public const string ServiceName = "inventory-silo";

    /// <summary>Orleans' own meter (messaging, grains, membership, storage).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddInventorySiloTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(StockItemMetrics.MeterName, ProjectionMetrics.MeterName, PostgresEventStore.MeterName, OrleansMeter)
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
