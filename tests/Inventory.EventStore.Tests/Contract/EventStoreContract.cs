using System.Text.Json.Nodes;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Contract;

/// <summary>
/// What every <see cref="IEventStore"/> must do. Each implementation runs the same tests through a concrete
/// subclass; every test uses its own streams, so the tests of one class can share a store's backing database.
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    /// <summary>A recorded-at time with microseconds (PostgreSQL keeps microseconds; finer ticks are not kept).</summary>
    protected static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    private IEventStore? _store;

    protected IEventStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected abstract Task<IEventStore> CreateStoreAsync();

    protected static string NewStreamId() => $"contract/{Guid.NewGuid():N}";

    /// <summary>An event of <paramref name="streamId"/> for a new (or the given) movement; ids derived as the grain derives them.</summary>
    protected static EventData NewEvent(string streamId, DateTimeOffset? recordedAt = null, Guid? movementId = null, string? data = null)
    {
        var movement = movementId ?? Guid.NewGuid();
        return new EventData(
            DeterministicGuid.ForEvent(streamId, movement),
            movement,
            "test-counted",
            1,
            data ?? $$"""{"movementId":"{{movement}}","quantity":5}""",
            """{"scannerId":"scanner-7","correlationId":"c-1"}""",
            recordedAt ?? T0);
    }

    protected static EventData[] NewEvents(string streamId, int count) =>
        [.. Enumerable.Range(0, count).Select(i => NewEvent(streamId, T0.AddSeconds(i)))];

    protected Task<IReadOnlyList<StoredEvent>> ReadAllAsync(string streamId) => Store.ReadStreamAsync(streamId, 0, int.MaxValue);

    /// <summary>Same JSON content; stores may normalize key order and whitespace (jsonb does).</summary>
    protected static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected JSON {expected} but found {actual}.");

    protected static void AssertStored(EventData expected, StoredEvent actual, string streamId, int version)
    {
        Assert.Equal(streamId, actual.StreamId);
        Assert.Equal(version, actual.Version);
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.MovementId, actual.MovementId);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.SchemaVersion, actual.SchemaVersion);
        AssertSameJson(expected.Data, actual.Data);
        AssertSameJson(expected.Metadata, actual.Metadata);
        Assert.Equal(expected.RecordedAt, actual.RecordedAt);
    }
}
