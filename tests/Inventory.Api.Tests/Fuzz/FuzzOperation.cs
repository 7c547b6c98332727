using System.Text.Json.Nodes;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document (path and method) with its parameters and, when it takes one, its
/// request body's schema (references resolved) and media types.</summary>
internal sealed record FuzzOperation(
    string Method,
    string Path,
    string? OperationId,
    IReadOnlyList<FuzzParameter> Parameters,
    JsonObject? BodySchema,
    IReadOnlyList<string> BodyMediaTypes)
{
    public string Name => $"{Method} {Path}";

    /// <summary>The live feed streams until the client leaves: only its status line and headers are read.</summary>
    public bool IsStreaming { get; init; }

    public override string ToString() => Name;
}
