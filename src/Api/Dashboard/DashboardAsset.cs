namespace Inventory.Api.Dashboard;

/// <summary>One file of the dashboard page, held in memory: its bytes, media type and entity tag.</summary>
public sealed record DashboardAsset(byte[] Content, string ContentType, string ETag);
