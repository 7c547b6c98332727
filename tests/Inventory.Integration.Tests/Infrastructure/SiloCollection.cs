namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>Tests that run whole silos: one at a time, so that timing-sensitive ones (failover) do not compete
/// for the CPU with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloCollection
{
    public const string Name = "Silos";
}
