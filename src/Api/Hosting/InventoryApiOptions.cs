using Inventory.Api.Security;

namespace Inventory.Api.Hosting;

/// <summary>The HTTP API's settings; configuration section <c>Inventory:Api</c>.</summary>
public sealed class InventoryApiOptions
{
    public const string Section = "Inventory:Api";

    /// <summary>Largest request body accepted, in bytes (64 KiB); larger bodies get 413.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Deepest JSON nesting accepted in a request body.</summary>
    public const int MaxJsonDepth = 16;

    /// <summary>Joins the cluster with its own Orleans client. Tests switch it off and inject a client of a test cluster.</summary>
    public bool UseOrleansClient { get; set; } = true;

    /// <summary>The API keys, stored as SHA-256 hashes: <c>Inventory:Api:Keys:0:Sha256</c>, <c>:Role</c>, <c>:Name</c>.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>A JSON file of settings (e.g. <c>{"Inventory":{"Api":{"Keys":[...]}}}</c>) added to the configuration and
    /// watched: keys added, changed, revoked (removed) or expiring there take effect without a restart. Set it by
    /// environment or command line; a relative path is relative to the working directory.</summary>
    public string? KeysFile { get; set; }

    /// <summary>Requests per key and window (each key may override the permit limit).</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Embedded mode without configured keys: also write the generated development keys to this file.</summary>
    public string? DevelopmentKeysFile { get; set; }

    /// <summary>Seconds a client is told to wait (Retry-After) when the cluster or the database is unavailable.</summary>
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>How long a view read with <c>?minPosition=</c> waits at most for the views to include that position.</summary>
    public TimeSpan MinPositionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The live feed (<c>GET /api/v1/live</c>).</summary>
    public LiveOptions Live { get; set; } = new();
}
