namespace Inventory.Hosting;

/// <summary>The names under which the silo registers its Orleans providers. One constant each.</summary>
public static class ProviderNames
{
    /// <summary>The CustomStorage log-consistency provider over the event store, used by the stock item grains.</summary>
    public const string EventStore = "EventStore";

    /// <summary>Grain storage (ADO.NET on PostgreSQL, memory in the embedded default).</summary>
    public const string GrainStorage = "Default";
}
