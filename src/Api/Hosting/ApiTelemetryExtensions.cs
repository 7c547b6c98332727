using Inventory.Api.Security;
using Inventory.Contracts;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inventory.Api.Hosting;

/// <summary>The API's telemetry through OpenTelemetry. Metrics: ASP.NET Core's, the Orleans client's and the runtime's, on
/// <c>GET /metrics</c> (Prometheus, operator key). Traces: each request (a caller's <c>traceparent</c> honoured) and its
/// grain calls, which carry the trace into the silos. Both over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class ApiTelemetryExtensions
{
    /// <summary>The service name the API's telemetry carries.</summary>
    public const string ServiceName = "inventory-api";

    public static WebApplicationBuilder AddInventoryApiTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryNames.OrleansMeter)
                .AddPrometheusExporter());

        // Tracing costs an activity per request and grain call, so it is on only when something receives the traces.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryNames.OtlpEndpoint]);
        if (otlp || builder.Configuration.GetValue<bool>(TelemetryNames.TracingSwitch))
        {
            // A trace per request, but not per probe or scrape (every few seconds from the orchestrator and Prometheus).
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics"))
                .AddSource(TelemetryNames.OrleansRuntimeSource, TelemetryNames.OrleansApplicationSource));
        }

        if (otlp)
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
