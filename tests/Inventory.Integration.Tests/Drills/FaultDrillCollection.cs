namespace Inventory.Integration.Tests.Drills;

/// <summary>The drills share one PostgreSQL server of their own (each drill a database on it) and run one at a time:
/// a drill stops, freezes or cuts off that server.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultDrillCollection : ICollectionFixture<DrillPostgres>
{
    public const string Name = "Fault drills";
}
