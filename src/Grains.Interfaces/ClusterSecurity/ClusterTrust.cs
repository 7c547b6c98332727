using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inventory.ClusterSecurity;

/// <summary>
/// This process's cluster certificate and the peers it accepts: its own certificate, the configured thumbprints, and
/// certificates issued by the configured authorities. Nothing else, whatever the machine's certificate store trusts.
/// </summary>
public sealed partial class ClusterTrust
{
    private readonly TimeProvider _time;

    private ClusterTrust(X509Certificate2 certificate, IReadOnlySet<string> thumbprints, X509Certificate2Collection authorities, TimeProvider time)
    {
        Certificate = certificate;
        Thumbprints = thumbprints;
        Authorities = authorities;
        _time = time;
    }

    /// <summary>The certificate this process presents, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Accepted peer thumbprints (upper-case hex): this process's own and the configured ones.</summary>
    public IReadOnlySet<string> Thumbprints { get; }

    /// <summary>Authorities whose certificates are accepted; empty when none is configured.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>Where rejections are logged; set when the host is built (<see cref="ClusterTlsLog"/>).</summary>
    internal ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Loads the files named by <paramref name="options"/>; throws with the setting at fault when one is missing or
    /// unusable.</summary>
    public static ClusterTrust Load(ClusterTlsOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            throw new InvalidOperationException($"{ClusterTlsOptions.Section}:CertificatePath is not set.");
        }

        var certificate = ClusterCertificateFiles.LoadCertificate(options.CertificatePath!, options.KeyPath, options.CertificatePassword);
        var thumbprints = new HashSet<string>(StringComparer.Ordinal) { certificate.Thumbprint.ToUpperInvariant() };
        for (var i = 0; i < options.AllowedThumbprints.Count; i++)
        {
            var thumbprint = options.AllowedThumbprints[i].Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (thumbprint.Length != 40 || !thumbprint.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException(
                    $"{ClusterTlsOptions.Section}:AllowedThumbprints:{i.ToString(CultureInfo.InvariantCulture)} must be a SHA-1 thumbprint (40 hex digits), not '{options.AllowedThumbprints[i]}'.");
            }

            thumbprints.Add(thumbprint.ToUpperInvariant());
        }

        var authorities = string.IsNullOrWhiteSpace(options.CaCertificatePath)
            ? []
            : ClusterCertificateFiles.LoadAuthorities(options.CaCertificatePath);
        return new ClusterTrust(certificate, thumbprints, authorities, time ?? TimeProvider.System);
    }

    /// <summary>Whether <paramref name="peer"/> may talk to this process; <paramref name="reason"/> says why not.</summary>
    public bool Accepts(X509Certificate2 peer, out string reason)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var now = _time.GetUtcNow().UtcDateTime;
        if (now < peer.NotBefore.ToUniversalTime() || now > peer.NotAfter.ToUniversalTime())
        {
            reason = $"valid only from {peer.NotBefore.ToUniversalTime():u} to {peer.NotAfter.ToUniversalTime():u}";
            return false;
        }

        if (Thumbprints.Contains(peer.Thumbprint.ToUpperInvariant()))
        {
            reason = "";
            return true;
        }

        if (Authorities.Count == 0)
        {
            reason = "neither an allowed thumbprint nor issued by a configured authority";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        chain.ChainPolicy.ExtraStore.AddRange(Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        if (chain.Build(peer))
        {
            reason = "";
            return true;
        }

        reason = "not an allowed thumbprint, and its chain to the configured authorities fails: "
            + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
        return false;
    }

    /// <summary>The <c>RemoteCertificateValidation</c> of Orleans' TLS options: the platform's verdict (which knows
    /// nothing of the cluster's trust) is replaced by <see cref="Accepts"/>; the host name is not checked, the certificate
    /// is the peer's identity.</summary>
    public bool Validate(X509Certificate2 peer, X509Chain? chain, SslPolicyErrors errors)
    {
        if (Accepts(peer, out var reason))
        {
            return true;
        }

        LogRejected(Logger, peer.Subject, peer.Thumbprint, reason);
        return false;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Cluster TLS: refused the peer certificate {Subject} ({Thumbprint}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string subject, string thumbprint, string reason);
}
