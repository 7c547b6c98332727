namespace Inventory.Api.Hosting;

/// <summary><c>X-Content-Type-Options: nosniff</c> on every response (the dashboard adds its own Content-Security-Policy).</summary>
public static class SecurityHeadersExtensions
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return next(context);
    });
}
