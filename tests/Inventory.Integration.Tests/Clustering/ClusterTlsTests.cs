using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Inventory.ClusterSecurity;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.StockItems;
using Inventory.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Clustering;

/// <summary>
/// Two real silo processes on PostgreSQL clustering with mutual TLS on their silo and gateway ports (each its own
/// certificate issued by a test authority): they form a cluster and serve clients with a trusted certificate; a client
/// without TLS, a client with an untrusted certificate and a silo with an untrusted certificate are refused.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ClusterTlsTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    /// <summary>A refused client keeps retrying the gateways while it starts: it is given this long, a trusted one needs
    /// a few seconds.</summary>
    private static readonly TimeSpan RefusalBound = TimeSpan.FromSeconds(15);

    /// <summary>What a silo's TLS handshake fails with when the peer speaks no TLS (its first bytes are Orleans' own).</summary>
    private const string NotTls = "Cannot determine the frame size or a corrupted frame was received";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly SiloCluster _cluster = new(database, output, "cluster-tls-tests");
    private readonly DirectoryInfo _directory = TestCertificates.TemporaryDirectory();
    private readonly X509Certificate2 _authority = TestCertificates.Authority("inventory-test-ca");
    private readonly X509Certificate2 _rotated = TestCertificates.SelfSigned("inventory-next");

    private string AuthorityPath => Path.Combine(_directory.FullName, "ca.pem");

    [Fact]
    public async Task GivenTwoSilosWithMutualTls_WhenClientsConnect_ThenOnlyThoseWithATrustedCertificateAreServed()
    {
        var joined = await _cluster.StartSilosAsync([SiloSettings("silo-a"), SiloSettings("silo-b")]);
        output.WriteLine($"Both silos Active over TLS {joined.TotalSeconds:0.0} s after start.");

        var grains = await _cluster.StartClientAsync(client => client.UseInventoryTls(Options(TestCertificates.IssuedBy(_authority, "api"), "api.pfx")));
        await AssertServedAsync(grains, "a client with a certificate issued by the cluster's authority");
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true).WaitAsync(CallTimeout);
        Assert.Equal(2, hosts.Count);
        var statistics = await management.GetRuntimeStatistics([.. hosts.Keys]).WaitAsync(CallTimeout);
        Assert.Equal(2, statistics.Length);

        using (var next = _cluster.BuildClient(client => client.UseInventoryTls(Options(_rotated, "next.pfx"))))
        {
            await StartBoundedAsync(next);
            await AssertServedAsync(next.Services.GetRequiredService<IClusterClient>(), "a client with a certificate trusted by thumbprint");
            await next.StopAsync(CancellationToken.None).WaitAsync(CallTimeout);
        }

        Assert.DoesNotContain(_cluster.Silos, s => s.Output.Contains(NotTls, StringComparison.Ordinal));
        await AssertRefusedAsync(null, "a client without TLS");
        await AssertSiloLogsAsync(NotTls, RefusalBound);
        // It trusts the silos' authority, so only the silos' own check can refuse it.
        var impostor = TestCertificates.SelfSigned("api");
        await AssertRefusedAsync(client => client.UseInventoryTls(Options(impostor, "impostor.pfx")), "a client with an untrusted certificate");
        await AssertSiloRefusedAsync(impostor);

        await AssertServedAsync(grains, "the trusted client, after the refusals");
        Assert.All(await _cluster.MembersAsync(), m => Assert.Equal(SiloCluster.ActiveStatus, m.Status));
    }

    [Fact]
    public async Task GivenTwoSilosWithMutualTls_WhenASiloWithAnUntrustedCertificateStarts_ThenItDoesNotJoin()
    {
        await _cluster.StartSilosAsync([SiloSettings("silo-a"), SiloSettings("silo-b")]);
        var intruderCertificate = TestCertificates.SelfSigned("silo-c");
        var intruderSettings = new Dictionary<string, string>(SiloSettings("silo-c"))
        {
            ["Inventory__Cluster__Tls__CertificatePath"] = TestCertificates.WritePfx(intruderCertificate, _directory.FullName, "intruder.pfx"),
        };

        var intruder = _cluster.StartSilo("silo-intruder", intruderSettings);

        await AssertSiloRefusedAsync(intruderCertificate, SiloCluster.StartBound);
        var members = await _cluster.MembersAsync();
        Assert.DoesNotContain(members, m => m.Port == intruder.SiloPort && m.Status == SiloCluster.ActiveStatus);
        Assert.Equal(2, members.Count(m => m.Status == SiloCluster.ActiveStatus));
        var grains = await _cluster.StartClientAsync(client => client.UseInventoryTls(Options(TestCertificates.IssuedBy(_authority, "api"), "api.pfx")));
        await AssertServedAsync(grains, "a trusted client, with the intruder refused");
    }

    public Task InitializeAsync()
    {
        TestCertificates.WritePem(_authority, _directory.FullName, "ca.pem");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    /// <summary>A silo's own certificate issued by the test authority; it trusts that authority and the rotation thumbprint.</summary>
    private Dictionary<string, string> SiloSettings(string name) => new()
    {
        ["Inventory__Cluster__Tls__CertificatePath"] = TestCertificates.WritePfx(TestCertificates.IssuedBy(_authority, name), _directory.FullName, $"{name}.pfx"),
        ["Inventory__Cluster__Tls__CertificatePassword"] = TestCertificates.Password,
        ["Inventory__Cluster__Tls__CaCertificatePath"] = AuthorityPath,
        ["Inventory__Cluster__Tls__AllowedThumbprints__0"] = _rotated.Thumbprint,
    };

    /// <summary>A client presenting <paramref name="certificate"/> and trusting the test authority (the silos' issuer).</summary>
    private ClusterTlsOptions Options(X509Certificate2 certificate, string fileName) => new()
    {
        CertificatePath = TestCertificates.WritePfx(certificate, _directory.FullName, fileName),
        CertificatePassword = TestCertificates.Password,
        CaCertificatePath = AuthorityPath,
    };

    private async Task AssertServedAsync(IClusterClient grains, string who)
    {
        var keys = Enumerable.Range(0, 10).Select(i => StockItemKey.Create("wh-tls", $"sku-{i:00}").ToString());
        foreach (var key in keys)
        {
            var result = await Receive(grains, key).WaitAsync(CallTimeout);
            Assert.True(result.Accepted, $"{who}, {key}: {result.Rejection}");
        }

        output.WriteLine($"Served {who}.");
    }

    /// <summary>The client cannot start, or if it starts cannot call a grain; within <see cref="RefusalBound"/> either way.</summary>
    private async Task AssertRefusedAsync(Action<IClientBuilder>? configure, string who)
    {
        using var client = _cluster.BuildClient(configure);
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(RefusalBound);
        var error = await Record.ExceptionAsync(() => client.StartAsync(timeout.Token));
        if (error is null)
        {
            error = await Record.ExceptionAsync(() => Receive(client.Services.GetRequiredService<IClusterClient>(), "wh-tls/sku-refused").WaitAsync(CallTimeout));
        }

        output.WriteLine($"Refused {who} after {clock.Elapsed.TotalSeconds:0.0} s: {error?.GetType().Name}: {error?.Message}");
        Assert.NotNull(error);
        Assert.True(clock.Elapsed < RefusalBound + CallTimeout, $"{who}: refused only after {clock.Elapsed}");
    }

    private Task AssertSiloRefusedAsync(X509Certificate2 certificate, TimeSpan? bound = null) =>
        AssertSiloLogsAsync($"refused the peer certificate {certificate.Subject} ({certificate.Thumbprint})", bound ?? RefusalBound);

    private async Task AssertSiloLogsAsync(string line, TimeSpan bound)
    {
        await Wait.UntilAsync(
            () => Task.FromResult(_cluster.Silos.Any(s => s.Output.Contains(line, StringComparison.Ordinal))),
            bound, $"a silo logs '{line}'");
    }

    private static async Task StartBoundedAsync(IHost client)
    {
        using var timeout = new CancellationTokenSource(SiloCluster.StartBound);
        await client.StartAsync(timeout.Token);
    }

    private static Task<MovementResult> Receive(IClusterClient grains, string key) =>
        grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 });
}
