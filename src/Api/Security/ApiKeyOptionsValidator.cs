using Inventory.Contracts;
using Inventory.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Security;

/// <summary>Fails the start with every mistake in <c>Inventory:Api</c> at once; with PostgreSQL (production) keys are required.</summary>
public sealed class ApiKeyOptionsValidator(ApiMode mode) : IValidateOptions<InventoryApiOptions>
{
    public ValidateOptionsResult Validate(string? name, InventoryApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (mode == ApiMode.Postgres && options.Keys.Count == 0)
        {
            errors.Add("Inventory:Api:Keys is empty: with ConnectionStrings:Inventory set the API needs configured keys "
                + "(Inventory:Api:Keys:0:Name, :Role, :Sha256 = SHA-256 of the key in hex).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"Inventory:Api:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{at}:Name must not be empty.");
            }
            else if (!Principals.IsValid(key.Name))
            {
                // The name is the principal that every event the key writes keeps in its metadata.
                errors.Add($"{at}:Name: {Principals.Rule}");
            }
            else if (!names.Add(key.Name))
            {
                errors.Add($"{at}:Name '{key.Name}' is used by another key.");
            }

            if (key.Role is null || !ApiRoles.All.Contains(key.Role))
            {
                errors.Add($"{at}:Role must be one of {string.Join(", ", ApiRoles.All)}.");
            }

            if (key.Sha256 is not { Length: 64 } || !key.Sha256.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{at}:Sha256 must be the SHA-256 of the key as 64 hex digits.");
            }

            if (key.Warehouses.Find(w => !Inventory.Contracts.Identifiers.IsValid(w)) is { } warehouse)
            {
                errors.Add($"{at}:Warehouses: '{warehouse}' is not a warehouse id ({Inventory.Contracts.Identifiers.Rule}).");
            }

            if (key.ScopeReads && key.Warehouses.Count == 0)
            {
                errors.Add($"{at}:ScopeReads needs Warehouses: the warehouses the key may read.");
            }

            if (key.PermitLimit is < 1)
            {
                errors.Add($"{at}:PermitLimit must be at least 1.");
            }
        }

        if (options.RateLimit.PermitLimit < 1 || options.RateLimit.Window <= TimeSpan.Zero)
        {
            errors.Add("Inventory:Api:RateLimit needs a PermitLimit of at least 1 and a positive Window.");
        }

        if (options.RetryAfterSeconds < 1)
        {
            errors.Add("Inventory:Api:RetryAfterSeconds must be at least 1.");
        }

        if (options.MinPositionTimeout <= TimeSpan.Zero || options.MinPositionTimeout > TimeSpan.FromSeconds(25))
        {
            errors.Add("Inventory:Api:MinPositionTimeout must be positive and at most 00:00:25.");
        }

        if (!options.Live.IsValid)
        {
            errors.Add("Inventory:Api:Live needs positive PollInterval, HeartbeatInterval and WarehouseRefreshInterval, and MaxConnectionsPerKey of at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
