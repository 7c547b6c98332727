namespace Inventory.Silo.Management;

/// <summary>Orleans' activity sources: its own calls, and the application's grain calls.</summary>
public static class OrleansTracing
{
    public const string RuntimeSource = "Microsoft.Orleans.Runtime";
    public const string ApplicationSource = "Microsoft.Orleans.Application";
}
