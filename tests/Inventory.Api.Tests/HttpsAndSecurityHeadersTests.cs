using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Inventory.Api.Hosting;
using Inventory.Testing;
using Microsoft.Extensions.Configuration;

namespace Inventory.Api.Tests;

/// <summary>Security headers on every response; HTTPS with HSTS and a redirect from plain HTTP when Kestrel is configured
/// with a certificate (a real Kestrel on loopback), and neither on the plain-HTTP development default.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpsAndSecurityHeadersTests(ApiFixture fixture) : IDisposable
{
    /// <summary>Not a loopback name: ASP.NET Core never sends HSTS to localhost, 127.0.0.1 or [::1].</summary>
    private const string Host = "inventory.test";

    private readonly DirectoryInfo _directory = TestCertificates.TemporaryDirectory();

    [Theory]
    [InlineData("/health/live", null, HttpStatusCode.OK)]
    [InlineData("/api/v1/items/wh-1/sku-1", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/items/wh-1/sku-1", TestKeys.Scanner, HttpStatusCode.Forbidden)]
    [InlineData("/no-such-page", null, HttpStatusCode.NotFound)]
    public async Task GivenPlainHttpDevelopment_WhenAnyResponse_ThenSecurityHeadersAndNoHsts(string url, string? key, HttpStatusCode expected)
    {
        using var client = fixture.Client(key);

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task GivenKestrelServesHttps_WhenRequestedOverHttps_ThenHstsAndSecurityHeaders()
    {
        var certificate = TestCertificates.SelfSigned("inventory-api");
        var (https, http) = Ports();
        await using var factory = HttpsApi(certificate, https, http);
        using var client = TrustingOnly(certificate);

        using var response = await client.SendAsync(Get($"https://127.0.0.1:{https}/health/live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task GivenKestrelServesHttps_WhenRequestedOverPlainHttp_ThenRedirectedToHttpsWithoutHsts()
    {
        var certificate = TestCertificates.SelfSigned("inventory-api");
        var (https, http) = Ports();
        await using var factory = HttpsApi(certificate, https, http);
        using var client = TrustingOnly(certificate);

        using var response = await client.SendAsync(Get($"http://127.0.0.1:{http}/health/live?probe=1"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{Host}:{https}/health/live?probe=1"), response.Headers.Location);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:8443", true)]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:8080", false)]
    [InlineData("urls", "http://127.0.0.1:5000;https://127.0.0.1:5001", true)]
    [InlineData("urls", "http://127.0.0.1:5000", false)]
    [InlineData("https_ports", "8443", true)]
    [InlineData("http_ports", "8080", false)]
    public void GivenAKestrelSetting_ThenHttpsIsConfiguredOnlyForAnHttpsEndpoint(string key, string value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(expected, HttpsExtensions.IsHttpsConfigured(configuration));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    /// <summary>The API on a real Kestrel: HTTPS with <paramref name="certificate"/> (Kestrel's own settings) and plain HTTP.</summary>
    private ApiFactory HttpsApi(X509Certificate2 certificate, int https, int http)
    {
        var settings = TestKeys.Settings();
        settings["Kestrel:Endpoints:Https:Url"] = $"https://127.0.0.1:{https}";
        settings["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{http}";
        settings["Kestrel:Certificates:Default:Path"] = TestCertificates.WritePfx(certificate, _directory.FullName, "api.pfx");
        settings["Kestrel:Certificates:Default:Password"] = TestCertificates.Password;
        var factory = new ApiFactory(fixture.Cluster.Client, settings);
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    /// <summary>Accepts the API's certificate only, and follows no redirect.</summary>
    private static HttpClient TrustingOnly(X509Certificate2 certificate) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.Thumbprint },
    });

    private static HttpRequestMessage Get(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = Host + ":" + new Uri(url).Port.ToString(CultureInfo.InvariantCulture);
        return request;
    }

    private static (int Https, int Http) Ports()
    {
        var ports = FreePorts.Take(2);
        return (ports[0], ports[1]);
    }
}
