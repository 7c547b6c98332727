using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Json;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.StockItems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>POST /api/v1/movements</c> and <c>POST /api/v1/movements/batch</c>: scanners' movements.</summary>
public static partial class MovementEndpoints
{
    public const int MaxBatchSize = 500;

    public static IEndpointRouteBuilder MapMovementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/movements").WithTags("Movements").RequireAuthorization(ApiPolicies.Scanner).AddEndpointFilter<ClusterStartedFilter>();
        group.MapPost("/", PostMovementAsync)
            .WithName("PostMovement")
            .WithSummary("Applies one stock movement; a repeated movement id answers 200 with the same body.")
            .Accepts<MovementRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/batch", PostBatchAsync)
            .WithName("PostMovementBatch")
            .WithSummary($"Applies up to {MaxBatchSize} movements, concurrently across items and in order per item; one result per movement.")
            .Accepts<MovementBatchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Created<MovementResponse>, Ok<MovementResponse>, ProblemHttpResult>> PostMovementAsync(
        HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody<MovementRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var (movement, errors) = MovementMapping.Map(body.Value!, CallerPrincipal.Of(request));
        if (movement is null)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors!));
        }

        if (!WarehouseScope.MayWrite(request.HttpContext.User, movement.Key.WarehouseId))
        {
            return WarehouseScope.Forbidden(movement.Key.WarehouseId);
        }

        var result = await grains.GetStockItem(movement.Key.ToString()).ExecuteAsync(movement.Command);
        return ToResult(movement.Key, result);
    }

    private static async Task<Results<Ok<MovementBatchResponse>, ProblemHttpResult>> PostBatchAsync(
        HttpRequest request, IGrainFactory grains, ILoggerFactory loggers)
    {
        var body = await JsonBody<MovementBatchRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var movements = body.Value!.Movements;

        // The serializer's nullable checks cover members, not list items: a null item is a wrongly typed movement.
        if (movements.Select((m, i) => m is null ? i : -1).FirstOrDefault(i => i >= 0, -1) is var nullAt and >= 0)
        {
            return JsonBodyReader.InvalidJson($"The body is not valid JSON for this request at $.movements[{nullAt}]: each movement must be an object, not null.");
        }

        if (movements.Count is 0 or > MaxBatchSize)
        {
            return ApiProblems.Result(ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["movements"] = [$"Must hold 1 to {MaxBatchSize} movements."],
            }));
        }

        var results = new MovementBatchResult[movements.Count];
        var byItem = new Dictionary<StockItemKey, List<(int Index, StockCommand Command)>>();
        for (var i = 0; i < movements.Count; i++)
        {
            var (movement, errors) = MovementMapping.Map(movements[i], CallerPrincipal.Of(request));
            if (movement is null)
            {
                results[i] = new MovementBatchResult(StatusCodes.Status400BadRequest, null, ApiProblems.Validation(errors!));
                continue;
            }

            if (!WarehouseScope.MayWrite(request.HttpContext.User, movement.Key.WarehouseId))
            {
                results[i] = new MovementBatchResult(StatusCodes.Status403Forbidden, null, WarehouseScope.Problem(movement.Key.WarehouseId));
                continue;
            }

            if (!byItem.TryGetValue(movement.Key, out var list))
            {
                byItem[movement.Key] = list = [];
            }

            list.Add((i, movement.Command));
        }

        var logger = loggers.CreateLogger("Inventory.Api.Movements");
        await Task.WhenAll(byItem.Select(item => RunInOrderAsync(grains, item.Key, item.Value, results, logger)));
        return TypedResults.Ok(new MovementBatchResponse(results));
    }

    /// <summary>One item's movements, one after the other. After a failure whose outcome is unknown, the item's later
    /// movements are not sent (they would overtake the retry of the failed one) and get the same problem.</summary>
    private static async Task RunInOrderAsync(IGrainFactory grains, StockItemKey key, List<(int Index, StockCommand Command)> movements,
        MovementBatchResult[] results, ILogger logger)
    {
        var grain = grains.GetStockItem(key.ToString());
        MovementBatchResult? failed = null;
        foreach (var (index, command) in movements)
        {
            if (failed is not null)
            {
                results[index] = failed;
                continue;
            }

            try
            {
                var (status, movement, problem) = MovementMapping.ToOutcome(key, await grain.ExecuteAsync(command));
                results[index] = new MovementBatchResult(status, movement, problem);
            }
            catch (Exception ex)
            {
                LogBatchMovementFailed(logger, ex, key.ToString(), command.MovementId);
                var problem = ApiProblems.FromException(ex);
                results[index] = failed = new MovementBatchResult(problem.Status!.Value, null, problem);
            }
        }
    }

    internal static Results<Created<MovementResponse>, Ok<MovementResponse>, ProblemHttpResult> ToResult(StockItemKey key, MovementResult result)
    {
        var (status, movement, problem) = MovementMapping.ToOutcome(key, result);
        return status switch
        {
            StatusCodes.Status201Created => TypedResults.Created(MovementMapping.ItemUrl(key), movement),
            StatusCodes.Status200OK => TypedResults.Ok(movement),
            _ => ApiProblems.Result(problem!),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch movement {MovementId} of {Item} failed")]
    private static partial void LogBatchMovementFailed(ILogger logger, Exception exception, string item, Guid movementId);
}
