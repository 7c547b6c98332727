using System.Net;
using Microsoft.Extensions.Options;

namespace Inventory.Silo;

/// <summary>Fails the start-up with every configuration mistake of <see cref="InventorySiloOptions"/> at once.</summary>
public sealed class InventorySiloOptionsValidator : IValidateOptions<InventorySiloOptions>
{
    public ValidateOptionsResult Validate(string? name, InventorySiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            errors.Add("Inventory:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            errors.Add("Inventory:ServiceId must not be empty.");
        }

        if (options.SiloPort is < 1 or > 65535)
        {
            errors.Add($"Inventory:SiloPort must be a TCP port (1-65535), not {options.SiloPort}.");
        }

        if (options.GatewayPort is < 1 or > 65535)
        {
            errors.Add($"Inventory:GatewayPort must be a TCP port (1-65535), not {options.GatewayPort}.");
        }

        if (options.ManagementPort is < 1 or > 65535)
        {
            errors.Add($"Inventory:ManagementPort must be a TCP port (1-65535), not {options.ManagementPort}.");
        }

        if (new[] { options.SiloPort, options.GatewayPort, options.ManagementPort }.Distinct().Count() < 3)
        {
            errors.Add($"Inventory:SiloPort, Inventory:GatewayPort and Inventory:ManagementPort must differ ({options.SiloPort}, {options.GatewayPort}, {options.ManagementPort}).");
        }

        if (!AdvertisedAddress.IsValid(options.AdvertisedIPAddress))
        {
            errors.Add($"Inventory:AdvertisedIPAddress must be an IP address or '{AdvertisedAddress.Auto}', not '{options.AdvertisedIPAddress}'.");
        }

        if (!IPAddress.TryParse(options.ManagementAddress, out _))
        {
            errors.Add($"Inventory:ManagementAddress must be an IP address, not '{options.ManagementAddress}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
