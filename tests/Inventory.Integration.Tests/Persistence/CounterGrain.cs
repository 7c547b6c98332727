using Inventory.Hosting;

namespace Inventory.Integration.Tests.Persistence;

[GrainType("test-counter")]
public sealed class CounterGrain([PersistentState("counter", ProviderNames.GrainStorage)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(new CounterSnapshot(state.State.Value, state.Etag, state.RecordExists));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
