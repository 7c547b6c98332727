namespace Inventory.EventStore.Tests;

/// <summary>Minimal valid events for tests outside the contract.</summary>
internal static class TestEvent
{
    public static EventData For(string streamId, string data = """{"quantity":1}""")
    {
        var movementId = Guid.NewGuid();
        return new EventData(DeterministicGuid.ForEvent(streamId, movementId), movementId, "test-counted", 1, data, "{}", DateTimeOffset.UnixEpoch.AddYears(56));
    }
}
