using Inventory.Contracts.StockItems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Problems;

/// <summary>RFC 9457 problem details with a stable <c>code</c> member; never an exception message or a stack trace.</summary>
public static class ApiProblems
{
    /// <summary>Rejection codes that say the input was wrong rather than that a stock rule refused it: 400, not 409.</summary>
    private static readonly HashSet<string> InputRejections = new(StringComparer.Ordinal)
    {
        RejectionCodes.InvalidMovementId,
        RejectionCodes.InvalidQuantity,
        RejectionCodes.InvalidReservationId,
        RejectionCodes.ReasonRequired,
        RejectionCodes.InvalidPrincipal,
    };

    public static ProblemDetails Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemHttpResult Result(ProblemDetails problem) => TypedResults.Problem(problem);

    public static ProblemHttpResult Result(int status, string code, string title, string? detail = null) =>
        Result(Create(status, code, title, detail));

    /// <summary>400 with the field errors, code <see cref="ProblemCodes.InvalidInput"/>.</summary>
    public static ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidInput, "The request is not valid.",
            "See 'errors' for what is wrong with each field.");
        problem.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>A refused movement: 400 for invalid input, 409 for a stock rule or a reused movement id; code = the rejection code.</summary>
    public static ProblemDetails Rejected(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return InputRejections.Contains(rejection.Code)
            ? Create(StatusCodes.Status400BadRequest, rejection.Code, "The movement is not valid.", rejection.Message)
            : Create(StatusCodes.Status409Conflict, rejection.Code, "The movement was refused.", rejection.Message);
    }

    /// <summary>The problem an exception stands for: 503 for an unavailable cluster or store, 500 otherwise.</summary>
    public static ProblemDetails FromException(Exception exception) =>
        exception is BadHttpRequestException bad
            ? Create(bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), "The request is not valid.")
            : UnavailableExceptions.Classify(exception) switch
        {
            ProblemCodes.StorageUnavailable => Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.StorageUnavailable,
                "The event store is unavailable.", "The outcome is unknown: retry with the same movement id; it is never applied twice."),
            ProblemCodes.ClusterUnavailable => Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ClusterUnavailable,
                "The cluster is unavailable.", "Retry later; a movement retried with the same movement id is never applied twice."),
            _ => Create(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "An unexpected error occurred."),
        };
}
