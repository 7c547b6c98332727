namespace Inventory.Integration.Tests.Drills;

/// <summary>A movement the API acknowledged (200 or 201): the item, and the version, position and on-hand it answered.</summary>
public sealed record Acknowledgement(string Sku, int Version, long Position, long OnHand);
