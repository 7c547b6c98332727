namespace Inventory.Api.Contracts;

/// <summary>Movements recorded in the minute starting at <see cref="Minute"/>.</summary>
public sealed record MinuteCountResponse(DateTimeOffset Minute, long Movements);
