using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests;

/// <summary>Minimal valid events for tests outside the contract.</summary>
internal static class TestEvent
{
    public static EventData For(string streamId, string data = """{"quantity":1}""", Guid? movementId = null)
    {
        var movement = movementId ?? Guid.NewGuid();
        return new EventData(DeterministicGuid.ForEvent(streamId, movement), movement, "test-counted", 1, data, "{}", DateTimeOffset.UnixEpoch.AddYears(56));
    }
}
