namespace Inventory.Api.Hosting;

/// <summary>HTTPS when Kestrel is configured to serve it (an <c>https://</c> URL in <c>urls</c>/<c>ASPNETCORE_URLS</c> or
/// <c>Kestrel:Endpoints:*:Url</c>, or <c>ASPNETCORE_HTTPS_PORTS</c>): HSTS on HTTPS responses and plain HTTP redirected to
/// HTTPS. Without it the API serves plain HTTP, the loopback default for development.</summary>
public static class HttpsExtensions
{
    /// <summary>Whether the configuration gives Kestrel an HTTPS endpoint.</summary>
    public static bool IsHttpsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || HasHttpsUrl(configuration["urls"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => HasHttpsUrl(endpoint["Url"]));
    }

    public static IServiceCollection AddInventoryHttps(this IServiceCollection services, IConfiguration configuration)
    {
        var https = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new();
        return services.AddHsts(o =>
        {
            o.MaxAge = https.HstsMaxAge;
            o.IncludeSubDomains = https.HstsIncludeSubDomains;
        });
    }

    /// <summary>HSTS and the redirect to HTTPS, only when HTTPS is configured. HSTS is never sent for plain HTTP nor to
    /// <c>localhost</c>/<c>127.0.0.1</c>/<c>[::1]</c> (ASP.NET Core's excluded hosts).</summary>
    public static WebApplication UseInventoryHttps(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsHttpsConfigured(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    private static bool HasHttpsUrl(string? urls) =>
        urls?.Split(';', StringSplitOptions.TrimEntries).Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) == true;
}
