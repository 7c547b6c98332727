using Inventory.Api.Dashboard;
using Microsoft.Net.Http.Headers;

namespace Inventory.Api.Endpoints;

/// <summary><c>GET /</c> and <c>GET /dashboard</c> (and HEAD): the dashboard page, and its scripts and style sheet. Served without a
/// key (they hold no data; the page asks for a key and sends it with its data calls), with a Content-Security-Policy that
/// allows only this origin and no inline script or style.</summary>
public static class DashboardEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The files served under <c>/dashboard/</c>: the page's own, and the vendored Chart.js with its licence.</summary>
    public static readonly IReadOnlySet<string> Files = new HashSet<string>(StringComparer.Ordinal)
    {
        "dashboard.js", "charts.js", "item-transit.js", "transit.js", "dashboard.css", "favicon.svg", "chart.umd.min.js", "chart.js-LICENSE.md",
    };

    /// <summary>The page and its assets also answer HEAD (uptime and link checkers), with the same headers and no body.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Dashboard").AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        group.MapMethods("/", GetOrHead, (HttpContext context, DashboardAssets assets) => Serve(context, assets, "index.html"));
        group.MapMethods("/dashboard", GetOrHead, (HttpContext context, DashboardAssets assets) => Serve(context, assets, "index.html"));
        group.MapMethods("/favicon.ico", GetOrHead, (HttpContext context, DashboardAssets assets) => Serve(context, assets, "favicon.svg"));
        group.MapMethods("/dashboard/{file}", GetOrHead, (string file, HttpContext context, DashboardAssets assets) =>
            Files.Contains(file) ? Serve(context, assets, file) : Results.NotFound());
        return app;
    }

    private static IResult Serve(HttpContext context, DashboardAssets assets, string name)
    {
        if (assets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
