using System.Security.Cryptography;
using System.Text;
using Inventory.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Security;

/// <summary>The keys the API accepts: the configured ones, or in embedded mode without any, the generated
/// <see cref="DevelopmentKeys"/>. A presented key is hashed and compared with every stored hash in constant time.</summary>
public sealed class ApiKeyStore
{
    private readonly IReadOnlyList<ApiKey> _keys;
    private readonly Dictionary<string, ApiKey> _byName;

    public ApiKeyStore(IOptions<InventoryApiOptions> options, DevelopmentKeys development)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(development);
        var configured = options.Value.Keys;
        _keys = configured.Count > 0
            ? [.. configured.Select(k => new ApiKey(k.Name!, k.Role!, Convert.FromHexString(k.Sha256!), k.PermitLimit, [.. k.Warehouses]))]
            : [.. development.Keys.Select(k => new ApiKey(k.Name, k.Role, Hash(k.Key), null, []))];
        _byName = _keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>How many keys are usable.</summary>
    public int Count => _keys.Count;

    /// <summary>The key whose hash matches, or null. Looks at every stored hash whatever matches, in constant time each.</summary>
    public ApiKey? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        ApiKey? found = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Sha256))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>The key named <paramref name="name"/>, for its rate limit.</summary>
    public ApiKey? ByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>SHA-256 of the UTF-8 bytes of a key.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
