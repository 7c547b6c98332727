using Inventory.Api.Security;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Inventory.Api.Hosting;

/// <summary>The API's metrics through OpenTelemetry: ASP.NET Core's, the Orleans client's and the runtime's, on
/// <c>GET /metrics</c> (Prometheus, operator key) and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class ApiTelemetryExtensions
{
    /// <summary>The service name the API's telemetry carries.</summary>
    public const string ServiceName = "inventory-api";

    /// <summary>Orleans' own meter (the client's messaging).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddInventoryApiTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary><c>GET /metrics</c> in Prometheus' text format, for operator keys.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(ApiPolicies.Operator).DisableRateLimiting();
        return app;
    }
}
