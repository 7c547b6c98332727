using System.Security.Cryptography;
using System.Text;

namespace Inventory.Api.Tests;

/// <summary>The API keys the test API is configured with (only their hashes go into configuration).</summary>
public static class TestKeys
{
    public const string Scanner = "test-scanner-key-0123456789";
    public const string Dashboard = "test-dashboard-key-0123456789";
    public const string Operator = "test-operator-key-0123456789";
    public const string Unknown = "test-unknown-key-0123456789";

    /// <summary>A scanner key that may write to <see cref="ScopedWarehouse"/> only.</summary>
    public const string ScopedScanner = "test-scoped-scanner-key-0123456789";
    public const string ScopedWarehouse = "wh-scope-a";

    /// <summary>A dashboard key that may read <see cref="ScopedWarehouse"/> only (<c>ScopeReads</c>).</summary>
    public const string ReadScopedDashboard = "test-read-scoped-dashboard-key-0123456789";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Inventory:Api:Keys:0:Name"] = "scanner-1",
        ["Inventory:Api:Keys:0:Role"] = "scanner",
        ["Inventory:Api:Keys:0:Sha256"] = Sha256(Scanner),
        ["Inventory:Api:Keys:1:Name"] = "dashboard-1",
        ["Inventory:Api:Keys:1:Role"] = "dashboard",
        ["Inventory:Api:Keys:1:Sha256"] = Sha256(Dashboard),
        ["Inventory:Api:Keys:2:Name"] = "operator-1",
        ["Inventory:Api:Keys:2:Role"] = "operator",
        ["Inventory:Api:Keys:2:Sha256"] = Sha256(Operator),
        ["Inventory:Api:Keys:3:Name"] = "scanner-scoped",
        ["Inventory:Api:Keys:3:Role"] = "scanner",
        ["Inventory:Api:Keys:3:Sha256"] = Sha256(ScopedScanner),
        ["Inventory:Api:Keys:3:Warehouses:0"] = ScopedWarehouse,
        ["Inventory:Api:Keys:4:Name"] = "dashboard-read-scoped",
        ["Inventory:Api:Keys:4:Role"] = "dashboard",
        ["Inventory:Api:Keys:4:Sha256"] = Sha256(ReadScopedDashboard),
        ["Inventory:Api:Keys:4:Warehouses:0"] = ScopedWarehouse,
        ["Inventory:Api:Keys:4:ScopeReads"] = "true",
    };

    public static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
