using Orleans.Configuration;

namespace Inventory.Silo;

/// <summary>
/// How fast the cluster declares a silo dead that stopped answering (SIGKILL, a lost host), so that its stock items
/// answer again on a survivor: Orleans' defaults (probes timing out after 5 s, adaptively up to 20 s, three missed)
/// took 10-15 s here; these take about 3 s. The risk they trade: a live silo that cannot answer three 1 s probes in a
/// row (a long pause, a starved CPU) is declared dead and must restart. Orleans softens it: probe timeouts stretch while
/// the probing silo itself is degraded, and a connection that is still carrying messages vetoes the vote. See ADR 0001;
/// <c>Orleans:Membership</c> in configuration overrides any of them (the property names of ClusterMembershipOptions).
/// </summary>
public static class FailureDetection
{
    /// <summary>The configuration section whose values override these defaults.</summary>
    public const string Section = "Orleans:Membership";

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(2);
    public const int NumMissedProbesLimit = 3;

    public static void Configure(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.MinProbeTimeout = ProbeTimeout / 2;
        options.MaxProbeTimeout = MaxProbeTimeout;
        options.NumMissedProbesLimit = NumMissedProbesLimit;
    }
}
