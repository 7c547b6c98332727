using System.Security.Cryptography;

namespace Inventory.Api.Security;

/// <summary>One random key per role, generated at start in embedded mode when no key is configured; empty otherwise.</summary>
public sealed class DevelopmentKeys(IReadOnlyList<DevelopmentKey> keys)
{
    public IReadOnlyList<DevelopmentKey> Keys { get; } = keys;

    public static DevelopmentKeys None { get; } = new([]);

    /// <summary>Fresh keys <c>dev-{role}-{32 hex digits}</c>, one per role.</summary>
    public static DevelopmentKeys Generate() =>
        new([.. ApiRoles.All.Select(role => new DevelopmentKey($"dev-{role}", role, $"dev-{role}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}"))]);
}
