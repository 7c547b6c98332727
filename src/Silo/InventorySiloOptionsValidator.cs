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

        if (options.SiloPort == options.GatewayPort)
        {
            errors.Add($"Inventory:SiloPort and Inventory:GatewayPort must differ (both are {options.SiloPort}).");
        }

        if (!IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            errors.Add($"Inventory:AdvertisedIPAddress must be an IP address, not '{options.AdvertisedIPAddress}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
