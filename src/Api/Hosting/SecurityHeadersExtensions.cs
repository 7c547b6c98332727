namespace Inventory.Api.Hosting;

/// <summary>Headers on every response, error responses included (set as the response starts): <c>X-Content-Type-Options:
/// nosniff</c>, <c>X-Frame-Options: DENY</c>, <c>Referrer-Policy: no-referrer</c>. An endpoint may set its own values (the
/// dashboard adds its Content-Security-Policy). HSTS comes from <see cref="HttpsExtensions"/> when HTTPS is configured.</summary>
public static class SecurityHeadersExtensions
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.TryAdd("X-Frame-Options", "DENY");
            response.Headers.TryAdd("Referrer-Policy", "no-referrer");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
