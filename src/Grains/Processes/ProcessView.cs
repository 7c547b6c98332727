namespace Inventory.Processes;

/// <summary>The mutable holder JournaledGrain needs; it only ever swaps in the next immutable state.</summary>
[GenerateSerializer, Alias("inventory.process-view")]
public sealed class ProcessView<TState>
    where TState : class
{
    [Id(0)] public TState? Value { get; set; }
}
