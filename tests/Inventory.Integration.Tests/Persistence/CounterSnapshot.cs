namespace Inventory.Integration.Tests.Persistence;

/// <summary>What a <see cref="ICounterGrain"/> activation holds: its value and its storage etag.</summary>
[GenerateSerializer, Immutable, Alias("inventory.tests.CounterSnapshot")]
public sealed record CounterSnapshot([property: Id(0)] int Value, [property: Id(1)] string? ETag, [property: Id(2)] bool RecordExists);
