using Microsoft.Extensions.DependencyInjection;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace Inventory.ClusterSecurity;

/// <summary>Mutual TLS on the cluster's ports from <see cref="ClusterTlsOptions"/>: each side presents its certificate and
/// requires the other's, and accepts it only if <see cref="ClusterTrust"/> does. Nothing changes when TLS is not
/// configured.</summary>
public static class ClusterTlsExtensions
{
    /// <summary>Silo-to-silo (both directions) and gateway (inbound) connections.</summary>
    public static ISiloBuilder UseInventoryTls(this ISiloBuilder silo, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return silo;
        }

        var trust = Register(silo.Services, options);
        return silo.UseTls(trust.Certificate, tls => Configure(tls, trust, options));
    }

    /// <summary>A client's connections to the gateways.</summary>
    public static IClientBuilder UseInventoryTls(this IClientBuilder client, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return client;
        }

        var trust = Register(client.Services, options);
        return client.UseTls(trust.Certificate, tls => Configure(tls, trust, options));
    }

    private static ClusterTrust Register(IServiceCollection services, ClusterTlsOptions options)
    {
        var trust = ClusterTrust.Load(options);
        services.AddSingleton(trust);
        services.AddHostedService<ClusterTlsLog>();
        return trust;
    }

    private static void Configure(TlsOptions tls, ClusterTrust trust, ClusterTlsOptions options)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = trust.Validate;
        tls.HandshakeTimeout = options.HandshakeTimeout;
    }
}
