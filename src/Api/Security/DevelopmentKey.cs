namespace Inventory.Api.Security;

/// <summary>A generated development key in clear text (embedded mode only).</summary>
public sealed record DevelopmentKey(string Name, string Role, string Key);
