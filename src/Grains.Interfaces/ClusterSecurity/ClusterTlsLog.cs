using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ClusterSecurity;

/// <summary>Gives <see cref="ClusterTrust"/> its logger and logs, at start, the certificate in use and what is trusted;
/// warns when the certificate expires within <see cref="ExpiryWarning"/>.</summary>
internal sealed partial class ClusterTlsLog : IHostedService
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    private readonly ClusterTrust _trust;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public ClusterTlsLog(ClusterTrust trust, ILoggerFactory loggers, TimeProvider? time = null)
    {
        _trust = trust;
        _logger = loggers.CreateLogger("Inventory.ClusterSecurity");
        _time = time ?? TimeProvider.System;
        // Set in the constructor: the host builds every hosted service before it starts the first (Orleans).
        trust.Logger = _logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var certificate = _trust.Certificate;
        var expires = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        LogTls(_logger, certificate.Subject, certificate.Thumbprint, expires, _trust.Thumbprints.Count, _trust.Authorities.Count);
        if (expires - _time.GetUtcNow() < ExpiryWarning)
        {
            LogExpiring(_logger, certificate.Thumbprint, expires);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Cluster TLS on (mutual): certificate {Subject} ({Thumbprint}) valid until {Expires:u}; {Thumbprints} trusted thumbprints, {Authorities} trusted authorities")]
    private static partial void LogTls(ILogger logger, string subject, string thumbprint, DateTimeOffset expires, int thumbprints, int authorities);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Cluster TLS: the certificate {Thumbprint} expires at {Expires:u}: rotate it (docs/operations.md, Certificates)")]
    private static partial void LogExpiring(ILogger logger, string thumbprint, DateTimeOffset expires);
}
