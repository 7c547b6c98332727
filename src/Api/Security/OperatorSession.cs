using Inventory.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inventory.Api.Security;

/// <summary>
/// The browser session of an operator on the cluster dashboard (<see cref="Path"/>). A page a browser navigates to
/// cannot send the <c>X-Api-Key</c> header, so the project's dashboard page exchanges an operator key for this cookie
/// (<c>POST /api/v1/admin/cluster-dashboard/session</c>, with the key in the header) and then links to the cluster
/// dashboard. The cookie is ASP.NET Core's data-protected authentication ticket: HttpOnly, SameSite=Strict (no
/// cross-site request carries it), sent only under <see cref="Path"/>, Secure over HTTPS, valid <see cref="Lifetime"/>.
/// It holds the key's name and role, never the key; it is refused as soon as its key is revoked or expires.
/// </summary>
public static class OperatorSession
{
    public const string SchemeName = "OperatorSession";

    /// <summary>Chooses the key header when a request has one, the session cookie otherwise.</summary>
    public const string KeyOrSessionScheme = "OperatorKeyOrSession";

    public const string CookieName = "inventory-operator";

    /// <summary>Where the Orleans Dashboard is served on the API.</summary>
    public const string Path = "/operator/cluster";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static AuthenticationBuilder AddOperatorSession(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCookie(SchemeName, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = Path;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = Lifetime;
            o.SlidingExpiration = false;
            // A session lasts only as long as its key: revoked, expired or no longer an operator key, the cookie is refused.
            o.Events.OnValidatePrincipal = context =>
            {
                var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                var name = context.Principal?.Identity?.Name;
                if (name is null || keys.ByName(name) is not { } key || key.IsExpired(now) || !context.Principal!.IsInRole(key.Role))
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            };
            // An API answers 401 and 403 as problems; there is no login page to redirect to.
            o.Events.OnRedirectToLogin = context =>
            {
                // A 401 names a scheme the caller can use (RFC 9110): the key header.
                context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\"";
                return WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                    ProblemCodes.Unauthorized, "An operator session is required.",
                    "Open the cluster dashboard from the dashboard page with an operator key, or send an operator key in the X-Api-Key header.");
            };
            o.Events.OnRedirectToAccessDenied = context => WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                ProblemCodes.Forbidden, "This session may not use the cluster dashboard.", null);
        });
        builder.AddPolicyScheme(KeyOrSessionScheme, "Operator key or session", o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : SchemeName);
        return builder;
    }

    private static async Task WriteAsync(HttpContext context, int status, string code, string title, string? detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ApiProblems.Create(status, code, title, detail) });
    }
}
