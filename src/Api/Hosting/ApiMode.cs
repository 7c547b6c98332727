namespace Inventory.Api.Hosting;

/// <summary>What the API runs against, decided by <c>ConnectionStrings:Inventory</c> as for the silo.</summary>
public enum ApiMode
{
    /// <summary>No connection string: localhost clustering; development keys are generated when none are configured.</summary>
    Embedded,

    /// <summary>A connection string: ADO.NET clustering on PostgreSQL; configured API keys are required.</summary>
    Postgres,
}
