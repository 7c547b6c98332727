using System.Globalization;
using System.Text;
using Inventory.Api.Audit;
using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary>Operators' read-side endpoints: the projections' lag figures, rebuilds, dead letters and their re-drive.</summary>
public static class ProjectionAdminEndpoints
{
    public const int DefaultDeadLettersLimit = 100;
    public const int MaxDeadLettersLimit = 1000;

    public static IEndpointRouteBuilder MapProjectionAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Read side").RequireAuthorization(ApiPolicies.Operator).AddEndpointFilter<ClusterStartedFilter>();
        group.MapGet("/projections", GetProjectionsAsync)
            .WithName("GetProjections")
            .WithSummary("Every projection's figures: generation, health, checkpoint against the head, lag in events and ms, last applied, dead letters, partitions, rebuild progress.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/projections/{name}/rebuild", RebuildAsync)
            .WithName("RebuildProjection")
            .WithOperatorAudit(OperatorActions.RebuildProjection)
            .WithSummary("Starts rebuilding a projection from the ledger (202 with its status; the current generation serves reads meanwhile). A running rebuild is returned as is.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/dead-letters", GetDeadLettersAsync)
            .WithName("GetDeadLetters")
            .WithSummary($"Dead letters by id after an id, optionally of one projection; open=true (default) for those not re-driven yet; at most limit (default {DefaultDeadLettersLimit}, max {MaxDeadLettersLimit}).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/dead-letters/{id}/retry", RetryDeadLetterAsync)
            .WithName("RetryDeadLetter")
            .WithOperatorAudit(OperatorActions.RetryDeadLetter)
            .WithSummary("Applies a dead letter again: 200 redriven; 409 dead-letter-still-failing (it stays parked) or dead-letter-already-redriven; 404 dead-letter-not-found.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Ok<ProjectionsResponse>> GetProjectionsAsync(IGrainFactory grains) =>
        TypedResults.Ok(new ProjectionsResponse([.. (await Admin(grains).GetStatusesAsync()).Select(ViewMapping.ToResponse)]));

    private static async Task<Results<Accepted<ProjectionStatusResponse>, ProblemHttpResult>> RebuildAsync(string name, IGrainFactory grains)
    {
        var status = await Admin(grains).RebuildAsync(name);
        return status is null
            ? ApiProblems.Result(StatusCodes.Status404NotFound, ProblemCodes.ProjectionNotFound, "There is no such projection.",
                "GET /api/v1/admin/projections lists the projections.")
            : TypedResults.Accepted("/api/v1/admin/projections", ViewMapping.ToResponse(status));
    }

    private static async Task<Results<Ok<DeadLettersResponse>, ProblemHttpResult>> GetDeadLettersAsync(
        string? projection, string? open, string? after, string? limit, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (projection is { Length: 0 or > 64 })
        {
            errors["projection"] = ["Must be 1 to 64 characters."];
        }

        var openOnly = QueryArguments.Flag(open, "open", defaultValue: true, errors);
        var afterId = QueryArguments.Whole(after, "after", 0, errors) ?? 0;
        var pageSize = QueryArguments.Limit(limit, DefaultDeadLettersLimit, MaxDeadLettersLimit, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var letters = await Admin(grains).ListDeadLettersAsync(projection, openOnly, afterId, pageSize);
        string? next = null;
        if (letters.Count == pageSize)
        {
            var url = new StringBuilder("/api/v1/admin/dead-letters?");
            if (projection is not null)
            {
                url.Append(CultureInfo.InvariantCulture, $"projection={Uri.EscapeDataString(projection)}&");
            }

            url.Append(CultureInfo.InvariantCulture, $"open={(openOnly ? "true" : "false")}&after={letters[^1].Id}&limit={pageSize}");
            next = url.ToString();
        }

        return TypedResults.Ok(new DeadLettersResponse([.. letters.Select(ViewMapping.ToResponse)], next));
    }

    private static async Task<Results<Ok<RedriveResponse>, ProblemHttpResult>> RetryDeadLetterAsync(string id, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (QueryArguments.Whole(id, "id", 1, errors) is not { } letterId)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        return await Admin(grains).RetryDeadLetterAsync(letterId) switch
        {
            RedriveOutcome.Redriven => TypedResults.Ok(new RedriveResponse(letterId, "redriven")),
            RedriveOutcome.StillFailing => ApiProblems.Result(StatusCodes.Status409Conflict, ProblemCodes.DeadLetterStillFailing,
                "The dead letter failed again.", "It stays parked; fix the projection, deploy, and retry."),
            RedriveOutcome.AlreadyRedriven => ApiProblems.Result(StatusCodes.Status409Conflict, ProblemCodes.DeadLetterAlreadyRedriven,
                "The dead letter was already re-driven."),
            _ => ApiProblems.Result(StatusCodes.Status404NotFound, ProblemCodes.DeadLetterNotFound, "There is no such dead letter."),
        };
    }

    private static IProjectionAdminGrain Admin(IGrainFactory grains) => grains.GetGrain<IProjectionAdminGrain>(0);
}
