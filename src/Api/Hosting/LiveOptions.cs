namespace Inventory.Api.Hosting;

/// <summary>The live feed's settings; configuration section <c>Inventory:Api:Live</c>.</summary>
public sealed class LiveOptions
{
    /// <summary>How often the API reads the recent-movements views of the warehouses someone follows.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often a connection without movements gets a comment line (keeps proxies from closing it).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the list of warehouses is read again (from the overview) for connections that follow all.</summary>
    public TimeSpan WarehouseRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Open live connections one API key may hold at once; one more gets 429 <c>too-many-live-connections</c>.</summary>
    public int MaxConnectionsPerKey { get; set; } = 4;

    public bool IsValid => PollInterval > TimeSpan.Zero && HeartbeatInterval > TimeSpan.Zero
        && WarehouseRefreshInterval > TimeSpan.Zero && MaxConnectionsPerKey >= 1;
}
