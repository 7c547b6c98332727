namespace Inventory.Integration.Tests.ReadSide;

/// <summary>A <see cref="ReadSideSilo"/> with <c>Inventory:Projections:LiveStream=None</c>: the views get every event
/// through the coordinators' catch-up from the event store's global log alone.</summary>
public sealed class CatchUpOnlySilo() : ReadSideSilo(liveStream: false);
