using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Inventory.Silo;

/// <summary>The address a silo advertises to the others: one given, or with <see cref="Auto"/> its own first IPv4
/// address that is up and not loopback (a container's or a pod's, not known before it starts).</summary>
public static class AdvertisedAddress
{
    public const string Auto = "auto";

    public static bool IsValid(string? value) =>
        string.Equals(value, Auto, StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(value, out _);

    public static IPAddress Resolve(string value) =>
        string.Equals(value, Auto, StringComparison.OrdinalIgnoreCase)
            ? NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? throw new InvalidOperationException("Inventory:AdvertisedIPAddress is 'auto', but this host has no IPv4 address other than loopback.")
            : IPAddress.Parse(value);
}
