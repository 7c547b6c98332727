using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inventory.LoadGenerator;

/// <summary>Source-generated JSON for the bodies sent and the batch answers read (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MovementBody))]
[JsonSerializable(typeof(BatchBody))]
[JsonSerializable(typeof(BatchAnswer))]
internal sealed partial class LoadJsonContext : JsonSerializerContext;
