namespace Inventory.Api.Contracts;

/// <summary>Every registered schema, by kind, type and version.</summary>
public sealed record SchemasResponse(IReadOnlyList<SchemaSummaryResponse> Schemas);
