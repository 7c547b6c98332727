using System.Globalization;
using System.Threading.RateLimiting;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Security;

/// <summary>A fixed-window limit per API key (partitioned by key name); anonymous endpoints are not limited.
/// Over the limit: 429 with Retry-After.</summary>
public static class RateLimitingExtensions
{
    public static IServiceCollection AddInventoryRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ApiKeyStore, IOptions<InventoryApiOptions>>((limiter, keys, api) =>
        {
            var defaults = api.Value.RateLimit;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var name = context.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
                if (name is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                // The limit is part of the partition: a key whose limit was changed by a reload gets a new window.
                var permits = keys.ByName(name)?.PermitLimit ?? defaults.PermitLimit;
                return RateLimitPartition.GetFixedWindowLimiter($"{name}/{permits}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = defaults.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : defaults.Window;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ApiProblems.Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
                        "Too many requests for this API key.", "Wait for the time in Retry-After."),
                });
            };
        });
        return services;
    }
}
