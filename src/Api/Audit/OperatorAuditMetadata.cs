namespace Inventory.Api.Audit;

/// <summary>Endpoint metadata: calls of this endpoint are operator actions named <paramref name="Action"/> in the audit log.</summary>
public sealed record OperatorAuditMetadata(string Action);
