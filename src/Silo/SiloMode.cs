namespace Inventory.Silo;

/// <summary>What the silo runs on, decided by configuration at start-up.</summary>
public enum SiloMode
{
    /// <summary>No connection string: one localhost silo, memory grain storage, in-memory event store.</summary>
    Embedded,

    /// <summary><c>ConnectionStrings:Inventory</c> set: ADO.NET clustering and grain storage on PostgreSQL.</summary>
    Postgres,
}
