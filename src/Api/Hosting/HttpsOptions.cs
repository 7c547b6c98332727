namespace Inventory.Api.Hosting;

/// <summary>HSTS once the API serves HTTPS; configuration section <c>Inventory:Api:Https</c>. The endpoints and the
/// certificate are Kestrel's own settings (<c>Kestrel:Endpoints:Https:Url</c>, <c>Kestrel:Certificates:Default:Path</c>,
/// docs/operations.md, Certificates).</summary>
public sealed class HttpsOptions
{
    public const string Section = "Inventory:Api:Https";

    /// <summary>How long browsers remember to use HTTPS only (<c>Strict-Transport-Security: max-age</c>).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Adds <c>includeSubDomains</c>: only when every subdomain of the API's host serves HTTPS.</summary>
    public bool HstsIncludeSubDomains { get; set; }
}
