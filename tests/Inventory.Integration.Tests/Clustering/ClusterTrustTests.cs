using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Inventory.ClusterSecurity;
using Inventory.Testing;

namespace Inventory.Integration.Tests.Clustering;

/// <summary>Which peer certificates a silo or client accepts on the cluster's ports: its own, the configured thumbprints
/// and those issued by the configured authority; never one only because the platform finds no fault with it.</summary>
public sealed class ClusterTrustTests : IDisposable
{
    private readonly DirectoryInfo _directory = TestCertificates.TemporaryDirectory();
    private readonly X509Certificate2 _own = TestCertificates.SelfSigned("silo");

    [Fact]
    public void GivenOnlyACertificate_WhenAPeerPresentsTheSameOne_ThenAccepted()
    {
        var trust = Load(new ClusterTlsOptions { CertificatePath = Pfx(_own, "own.pfx") });

        Assert.True(trust.Accepts(Public(_own), out var reason), reason);
        Assert.True(trust.Certificate.HasPrivateKey);
        Assert.Equal(_own.Thumbprint, trust.Certificate.Thumbprint);
    }

    [Fact]
    public void GivenOnlyACertificate_WhenAPeerPresentsAnotherWithTheSameName_ThenRefused()
    {
        var trust = Load(new ClusterTlsOptions { CertificatePath = Pfx(_own, "own.pfx") });
        var impostor = TestCertificates.SelfSigned("silo");

        Assert.False(trust.Accepts(Public(impostor), out var reason));
        Assert.Contains("neither an allowed thumbprint", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheOldAndTheNewThumbprintDuringARotation_ThenBothAcceptedAndAThirdRefused()
    {
        var next = TestCertificates.SelfSigned("silo-next");
        var other = TestCertificates.SelfSigned("other");
        var trust = Load(new ClusterTlsOptions
        {
            CertificatePath = Pfx(_own, "own.pfx"),
            AllowedThumbprints = [next.Thumbprint.ToLowerInvariant(), string.Join(':', _own.Thumbprint.Chunk(2).Select(c => new string(c)))],
        });

        Assert.True(trust.Accepts(Public(_own), out _));
        Assert.True(trust.Accepts(Public(next), out var reason), reason);
        Assert.False(trust.Accepts(Public(other), out _));
    }

    [Fact]
    public void GivenAnAuthority_WhenPeersPresentCertificatesItIssued_ThenAcceptedAndThoseOfAnotherAuthorityRefused()
    {
        var authority = TestCertificates.Authority("inventory-ca");
        var foreign = TestCertificates.Authority("inventory-ca");
        var trust = Load(new ClusterTlsOptions
        {
            CertificatePath = Pfx(TestCertificates.IssuedBy(authority, "silo-a"), "a.pfx"),
            CaCertificatePath = TestCertificates.WritePem(authority, _directory.FullName, "ca.pem"),
        });

        Assert.True(trust.Accepts(Public(TestCertificates.IssuedBy(authority, "silo-b")), out var reason), reason);
        Assert.False(trust.Accepts(Public(TestCertificates.IssuedBy(foreign, "silo-b")), out reason));
        Assert.Contains("chain to the configured authorities fails", reason, StringComparison.Ordinal);
        Assert.False(trust.Accepts(Public(TestCertificates.SelfSigned("silo-b")), out _));
    }

    [Fact]
    public void GivenAnAllowedThumbprint_WhenItsCertificateHasExpired_ThenRefused()
    {
        var trust = Load(new ClusterTlsOptions { CertificatePath = Pfx(_own, "own.pfx") }, new FixedTime(DateTimeOffset.UtcNow.AddDays(2)));

        Assert.False(trust.Accepts(Public(_own), out var reason));
        Assert.StartsWith("valid only from", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnUntrustedPeer_WhenThePlatformReportsNoError_ThenStillRefused()
    {
        var trust = Load(new ClusterTlsOptions { CertificatePath = Pfx(_own, "own.pfx") });

        Assert.False(trust.Validate(Public(TestCertificates.SelfSigned("other")), null, SslPolicyErrors.None));
        Assert.True(trust.Validate(Public(_own), null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void GivenAPemCertificateAndKey_ThenLoadedWithItsPrivateKey()
    {
        var (certificate, key) = TestCertificates.WritePemWithKey(_own, _directory.FullName, "own");

        var trust = Load(new ClusterTlsOptions { CertificatePath = certificate, KeyPath = key });

        Assert.Equal(_own.Thumbprint, trust.Certificate.Thumbprint);
        Assert.True(trust.Certificate.HasPrivateKey);
    }

    [Fact]
    public void GivenAPemCertificateWithoutKey_ThenLoadFailsNamingTheSetting()
    {
        var certificate = TestCertificates.WritePem(_own, _directory.FullName, "own.crt");

        var error = Assert.Throws<InvalidOperationException>(() => Load(new ClusterTlsOptions { CertificatePath = certificate }));

        Assert.Contains("Inventory:Cluster:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAMissingFileOrABadThumbprint_ThenLoadFailsNamingTheSetting()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Load(new ClusterTlsOptions { CertificatePath = Path.Combine(_directory.FullName, "none.pfx") }));
        Assert.Contains("Inventory:Cluster:Tls:CertificatePath", missing.Message, StringComparison.Ordinal);

        var bad = Assert.Throws<InvalidOperationException>(() => Load(new ClusterTlsOptions { CertificatePath = Pfx(_own, "own.pfx"), AllowedThumbprints = ["not-hex"] }));
        Assert.Contains("Inventory:Cluster:Tls:AllowedThumbprints:0", bad.Message, StringComparison.Ordinal);

        var ca = Assert.Throws<InvalidOperationException>(() => Load(new ClusterTlsOptions { CertificatePath = Pfx(_own, "own.pfx"), CaCertificatePath = Path.Combine(_directory.FullName, "none.pem") }));
        Assert.Contains("Inventory:Cluster:Tls:CaCertificatePath", ca.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoCertificatePath_ThenTlsIsOff()
    {
        Assert.False(new ClusterTlsOptions().Enabled);
        Assert.False(new ClusterTlsOptions { CertificatePath = " " }.Enabled);
        Assert.Throws<InvalidOperationException>(() => ClusterTrust.Load(new ClusterTlsOptions()));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static ClusterTrust Load(ClusterTlsOptions options, TimeProvider? time = null)
    {
        options.CertificatePassword ??= options.CertificatePath?.EndsWith(".pfx", StringComparison.Ordinal) == true ? TestCertificates.Password : null;
        return ClusterTrust.Load(options, time);
    }

    private static X509Certificate2 Public(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private string Pfx(X509Certificate2 certificate, string name) => TestCertificates.WritePfx(certificate, _directory.FullName, name);
}
