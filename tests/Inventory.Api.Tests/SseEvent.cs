namespace Inventory.Api.Tests;

/// <summary>One server-sent event as read off the wire: its fields, or a comment block (<see cref="Comment"/>).</summary>
public sealed record SseEvent(string? Event, string? Id, string? Data, string? Comment);
