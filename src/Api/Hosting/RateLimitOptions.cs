namespace Inventory.Api.Hosting;

/// <summary>A fixed window per API key: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests one key may make per window, unless the key sets its own.</summary>
    public int PermitLimit { get; set; } = 1000;

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
