using Inventory.EventStore;

namespace Inventory.Processes;

/// <summary>The movement ids of a process manager's steps: name-based, so that a resumed process (or a second
/// activation) sends an item the very same movement, which the item applies at most once.</summary>
public static class ProcessIds
{
    /// <summary>Namespace for process step ids; fixed forever.</summary>
    public static readonly Guid StepNamespace = new("b3a0f1d2-5c6e-4f70-8a91-0d2c3e4f5a6b");

    /// <summary>The id of step <paramref name="step"/> of the process whose stream is <paramref name="streamId"/>.</summary>
    public static Guid Step(string streamId, string step) => DeterministicGuid.Create(StepNamespace, $"{streamId}|{step}");
}
