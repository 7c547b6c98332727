using System.Security.Claims;
using System.Text.Encodings.Web;
using Inventory.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Security;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the <see cref="ApiKeyStore"/> as it is at this request
/// (keys reload without a restart); an expired key is refused. Answers 401 and 403 with problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    TimeProvider time,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string ExpiredFailure = "Expired API key.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1 || keys.Find(values[0]!) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        if (key.IsExpired(time.GetUtcNow()))
        {
            return Task.FromResult(AuthenticateResult.Fail(ExpiredFailure));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), .. WarehouseScope.Claims(key)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var expired = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message == ExpiredFailure;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await WriteAsync(expired
            ? ApiProblems.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "The API key has expired.", "Ask for a new key.")
            : ApiProblems.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "An API key is required.", $"Send a valid key in the {HeaderName} header."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden,
            "This API key may not use this endpoint."));
    }

    private async Task WriteAsync(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
}
