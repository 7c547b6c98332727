namespace Inventory.Api.Security;

/// <summary>One configured API key: never the key itself, only its SHA-256 hash (hex).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; names the rate-limit partition and appears in logs. Unique.</summary>
    public string? Name { get; set; }

    /// <summary>One of <see cref="ApiRoles"/>.</summary>
    public string? Role { get; set; }

    /// <summary>SHA-256 of the UTF-8 key, 64 hex digits (<c>printf %s KEY | sha256sum</c>).</summary>
    public string? Sha256 { get; set; }

    /// <summary>The warehouses the key may write to (movements, reorder points, transfers, orders); empty: every warehouse.
    /// Reads are not scoped.</summary>
    public List<string> Warehouses { get; set; } = [];

    /// <summary>Overrides <c>Inventory:Api:RateLimit:PermitLimit</c> for this key.</summary>
    public int? PermitLimit { get; set; }
}
