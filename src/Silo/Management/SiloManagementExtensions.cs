using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Inventory.Silo.Management;

/// <summary>The silo's own HTTP endpoints for an orchestrator, on <see cref="InventorySiloOptions.ManagementPort"/>:
/// <c>/health/live</c> (the process answers), <c>/health/ready</c> (Active in the cluster and its storage reachable),
/// <c>/metrics</c> (Prometheus; see <see cref="SiloTelemetryExtensions"/>) and <c>/dashboard</c> (the Orleans Dashboard:
/// silos, grains, calls). They have no key: the port is bound to loopback by default; expose it only to operators.</summary>
public static class SiloManagementExtensions
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddInventorySiloManagement(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(InventorySiloOptions.Section).Get<InventorySiloOptions>() ?? new();
        if (IPAddress.TryParse(options.ManagementAddress, out var address))
        {
            // An invalid address fails the start in the options' validation, with every other mistake.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.ManagementPort));
        }

        // Serve /health/live while the silo is still joining the cluster (readiness says not ready until it is Active).
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapInventorySiloManagement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOrleansDashboard("/dashboard");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        context.Response.ContentType = "application/json";
        var status = report.Status == HealthStatus.Healthy ? "ready" : "not-ready";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status, checks }, JsonSerializerOptions.Web));
    }
}
