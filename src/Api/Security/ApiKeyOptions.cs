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
    /// Reads are not scoped unless <see cref="ScopeReads"/>.</summary>
    public List<string> Warehouses { get; set; } = [];

    /// <summary>Also limits reads to <see cref="Warehouses"/> (which must not be empty then): views of other warehouses
    /// and their items, and views across warehouses, are 403 <c>forbidden-warehouse</c>.</summary>
    public bool ScopeReads { get; set; }

    /// <summary>From this instant on the key is refused (401); null: no end. ISO-8601 with an offset, e.g. <c>2027-01-31T00:00:00Z</c>.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Overrides <c>Inventory:Api:RateLimit:PermitLimit</c> for this key.</summary>
    public int? PermitLimit { get; set; }
}
