using System.Globalization;
using System.Text.Json;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Endpoints;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the cluster answers and its silo reaches
/// the storage); no key needed.</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }))
            .AllowAnonymous().WithTags("Health").WithName("Live").DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadyAsync,
        }).AllowAnonymous().WithTags("Health").WithDisplayName("Ready").DisableRateLimiting();
        return app;
    }

    private static async Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "ready", checks }, JsonSerializerOptions.Web));
            return;
        }

        var problem = ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.NotReady, "The API is not ready.",
            "The cluster or the database does not answer; see 'checks'.");
        problem.Extensions["checks"] = checks;
        var retryAfter = context.RequestServices.GetRequiredService<IOptions<InventoryApiOptions>>().Value.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
