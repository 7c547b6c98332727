using System.Text.Json.Nodes;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>A path, query or header parameter of an operation, as the OpenAPI document declares it.</summary>
internal sealed record FuzzParameter(string Name, string In, bool Required, JsonObject Schema);
