using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Inventory.Testing;

/// <summary>Certificates made in code for the TLS tests (nothing committed): self-signed ones, a certificate authority and
/// certificates it issues, written to a directory as PKCS#12 or PEM files for processes that load them by path.</summary>
public static class TestCertificates
{
    public const string Password = "test-password";

    /// <summary>A self-signed server-and-client certificate for <c>localhost</c>/<c>127.0.0.1</c>, valid from an hour ago for
    /// <paramref name="validFor"/> (a day by default).</summary>
    public static X509Certificate2 SelfSigned(string name, TimeSpan? validFor = null, DateTimeOffset? notBefore = null)
    {
        using var key = RSA.Create(2048);
        var request = LeafRequest(name, key);
        var from = notBefore ?? DateTimeOffset.UtcNow.AddHours(-1);
        return request.CreateSelfSigned(from, from + (validFor ?? TimeSpan.FromDays(1)));
    }

    /// <summary>A certificate authority (self-signed, may sign certificates).</summary>
    public static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    /// <summary>A server-and-client certificate issued by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 IssuedBy(X509Certificate2 authority, string name)
    {
        ArgumentNullException.ThrowIfNull(authority);
        using var key = RSA.Create(2048);
        var request = LeafRequest(name, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes the certificate with its key as PKCS#12 (password <see cref="Password"/>); returns the path.</summary>
    public static string WritePfx(X509Certificate2 certificate, string directory, string fileName)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>Writes the certificate (no key) as PEM; returns the path.</summary>
    public static string WritePem(X509Certificate2 certificate, string directory, string fileName)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes the certificate and its (unencrypted) RSA key as two PEM files; returns both paths.</summary>
    public static (string Certificate, string Key) WritePemWithKey(X509Certificate2 certificate, string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var certificatePath = WritePem(certificate, directory, $"{name}.crt");
        var keyPath = Path.Combine(directory, $"{name}.key");
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no RSA private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>A fresh directory under the temporary directory, for certificate files; delete it when done.</summary>
    public static DirectoryInfo TemporaryDirectory() => Directory.CreateTempSubdirectory("inventory-tls-");

    private static CertificateRequest LeafRequest(string name, RSA key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(name);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request;
    }
}
