namespace Inventory.Api.Security;

/// <summary>A usable API key: its hash, who holds it, what it may do, where (<paramref name="Warehouses"/>: the
/// warehouses it may write to, empty for every one; with <paramref name="ScopeReads"/> also the only ones it may read),
/// how often, until when (<paramref name="ExpiresAt"/>, null for no end).</summary>
public sealed record ApiKey(
    string Name,
    string Role,
    byte[] Sha256,
    int? PermitLimit,
    IReadOnlyList<string> Warehouses,
    DateTimeOffset? ExpiresAt = null,
    bool ScopeReads = false)
{
    /// <summary>Whether the key has expired at <paramref name="now"/> (it is refused from <see cref="ExpiresAt"/> on).</summary>
    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;
}
