using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Inventory.ClusterSecurity;

/// <summary>Reads certificates from PKCS#12 and PEM files (DER for authorities).</summary>
public static class ClusterCertificateFiles
{
    /// <summary>A certificate with its private key: PKCS#12, or PEM with the key in <paramref name="keyPath"/> (or in the
    /// same file).</summary>
    public static X509Certificate2 LoadCertificate(string path, string? keyPath, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CertificatePath: no file '{path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            if (IsPem(path))
            {
                var key = string.IsNullOrWhiteSpace(keyPath) ? path : keyPath;
                certificate = string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, key)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, key);
            }
            else
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException)
        {
            throw new InvalidOperationException(
                $"{ClusterTlsOptions.Section}:CertificatePath: '{path}' (key '{keyPath ?? path}') could not be read as PKCS#12 or PEM with its private key: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CertificatePath: '{path}' holds no private key.");
        }

        return certificate;
    }

    /// <summary>Every certificate of a PEM file, or the one certificate of a DER file.</summary>
    public static X509Certificate2Collection LoadAuthorities(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CaCertificatePath: no file '{path}'.");
        }

        var authorities = new X509Certificate2Collection();
        if (IsPem(path))
        {
            authorities.ImportFromPemFile(path);
        }
        else
        {
            authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }

        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CaCertificatePath: '{path}' holds no certificate.");
        }

        return authorities;
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[64];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
