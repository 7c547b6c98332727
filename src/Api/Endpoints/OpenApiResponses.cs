using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Inventory.Api.Endpoints;

/// <summary>An endpoint whose 200 is one of several JSON bodies (a live view or an as-of read), and maybe CSV: the OpenAPI
/// document lists each (<c>oneOf</c>), where response metadata keeps one type per status code.</summary>
public static class OpenApiResponses
{
    public static TBuilder OkOneOf<TBuilder>(this TBuilder builder, Type[] jsonBodies, string? csvContentType = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(jsonBodies);
        return builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var document = context.Document ?? throw new InvalidOperationException("The OpenAPI document is not available to the transformer.");
            var bodies = new List<IOpenApiSchema>();
            foreach (var type in jsonBodies)
            {
                var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
                document.AddComponent(type.Name, schema);
                bodies.Add(new OpenApiSchemaReference(type.Name, document));
            }

            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = bodies } },
            };
            if (csvContentType is not null)
            {
                content[csvContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse { Description = "OK", Content = content };
        });
    }
}
