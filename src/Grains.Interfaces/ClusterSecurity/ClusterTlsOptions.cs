namespace Inventory.ClusterSecurity;

/// <summary>Mutual TLS on the cluster's own ports (silo-to-silo and client-to-gateway); configuration section
/// <c>Inventory:Cluster:Tls</c>, the same on every silo and on the API. Off while <see cref="CertificatePath"/> is empty.</summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Inventory:Cluster:Tls";

    /// <summary>This process's certificate with its private key: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>), or a PEM
    /// certificate with its key in <see cref="KeyPath"/>. Presented both as server (inbound) and as client (outbound).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password, or the PEM key's if it is encrypted.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>; empty when the key is in the same file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>SHA-1 thumbprints (hex) of the peer certificates to accept besides this process's own: the old and the
    /// new certificate during a rotation.</summary>
    public List<string> AllowedThumbprints { get; set; } = [];

    /// <summary>A PEM (or DER) file of certificate authorities: a peer certificate issued by one of them is accepted.
    /// Only these authorities are trusted for it, not the machine's store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Longest a TLS handshake may take before the connection is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether TLS is configured at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
