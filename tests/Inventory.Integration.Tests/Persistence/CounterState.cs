namespace Inventory.Integration.Tests.Persistence;

[GenerateSerializer, Alias("inventory.tests.CounterState")]
public sealed class CounterState
{
    [Id(0)] public int Value { get; set; }
}
