namespace Inventory.Api.Security;

/// <summary>A usable API key: its hash, who holds it, what it may do, where (<paramref name="Warehouses"/>: the
/// warehouses it may write to, empty for every one), how often.</summary>
public sealed record ApiKey(string Name, string Role, byte[] Sha256, int? PermitLimit, IReadOnlyList<string> Warehouses);
