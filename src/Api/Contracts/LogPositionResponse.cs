namespace Inventory.Api.Contracts;

/// <summary>A place in the global log's reading order: writing transaction, then global position.</summary>
public sealed record LogPositionResponse(ulong TransactionId, long Position);
