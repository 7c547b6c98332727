namespace Inventory.Integration.Tests.Persistence;

/// <summary>A test-only grain with persistent state in the silo's grain storage.</summary>
[Alias("inventory.tests.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<int> IncrementAsync();

    [Alias("get")]
    Task<CounterSnapshot> GetAsync();

    [Alias("deactivate")]
    Task DeactivateAsync();
}
