using System.Globalization;
using System.Text;
using Inventory.Api.Contracts;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.Schemas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>GET /api/v1/schemas</c>: the registered JSON Schemas of every stored event type and version, the snapshot
/// and the metadata (read-only, any key). Served from the API's own assembly: no silo, no database.</summary>
public static class SchemaEndpoints
{
    public const string SchemaMediaType = "application/schema+json";

    public static IEndpointRouteBuilder MapSchemaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/schemas").WithTags("Schemas").RequireAuthorization(ApiPolicies.AnyKey);
        group.MapGet("/", GetSchemas)
            .WithName("GetSchemas")
            .WithSummary("Every registered schema of what the event store holds: kind (event, snapshot, metadata), stored type, version, current or superseded, and a link to the document.");
        group.MapGet("/{type}/{version}", GetSchema)
            .WithName("GetSchema")
            .WithSummary($"One registered schema (JSON Schema 2020-12, {SchemaMediaType}); 404 schema-not-found when no such type and version is registered.")
            .Produces<string>(StatusCodes.Status200OK, SchemaMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<SchemasResponse> GetSchemas() =>
        TypedResults.Ok(new SchemasResponse([.. SchemaCatalogue.Embedded.Documents.Select(d => new SchemaSummaryResponse(
            d.Kind.ToString().ToLowerInvariant(), d.Type, d.Version, d.Status, d.Title, HrefOf(d), d.Id))]));

    private static Results<ContentHttpResult, ProblemHttpResult> GetSchema(string type, string version, HttpContext context)
    {
        var document = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? SchemaCatalogue.Embedded.Find(type, number)
            : null;
        if (document is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, ProblemCodes.SchemaNotFound, "There is no such schema.",
                "GET /api/v1/schemas lists every registered type and version.");
        }

        // The documents change only with a deployment: let caches keep them for an hour.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(document.Text, SchemaMediaType, Encoding.UTF8);
    }

    private static string HrefOf(SchemaDocument document) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/schemas/{document.Type}/{document.Version}");
}
