using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Json;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>/api/v1/orders</c>: stock held for an order, all lines or none, then picked or released by the order's
/// process manager. Every request is idempotent (the order id, the pick id); a 503 leaves the order resumable, and it
/// finishes by itself.</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders").AddEndpointFilter<ClusterStartedFilter>();
        group.MapPost("/{orderId}/reservations", PostReservationsAsync)
            .RequireAuthorization(ApiPolicies.ScannerOrOperator)
            .WithName("PostOrderReservations")
            .WithSummary("Reserves every line in the warehouse, or none (409 order-reservation-failed names the line that failed and why); the same request again answers 200.")
            .Accepts<OrderReservationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{orderId}/pick", PostPickAsync)
            .RequireAuthorization(ApiPolicies.ScannerOrOperator)
            .WithName("PostOrderPick")
            .WithSummary("Picks against the order's reservations (lines left out: everything still held); more than a line still holds is refused (409 over-pick).")
            .Accepts<OrderPickRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{orderId}/release", PostReleaseAsync)
            .RequireAuthorization(ApiPolicies.ScannerOrOperator)
            .WithName("PostOrderRelease")
            .WithSummary("Releases everything the order still holds; the body ({\"reason\": ...}) may be left out. A fulfilled order cannot be released (409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{orderId}", GetOrderAsync)
            .RequireAuthorization(ApiPolicies.AnyKey)
            .WithName("GetOrder")
            .WithSummary("The order's warehouse, status, lines (requested, reserved, picked, released, still held) and own history.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>> PostReservationsAsync(string orderId, HttpRequest request, IGrainFactory grains)
    {
        if (!OrderIds.IsValid(orderId))
        {
            return InvalidOrderId();
        }

        var body = await JsonBody<OrderReservationRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var (command, errors) = OrderMapping.Map(body.Value!);
        if (command is null)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors!));
        }

        if (!WarehouseScope.MayWrite(request.HttpContext.User, command.WarehouseId))
        {
            return WarehouseScope.Forbidden(command.WarehouseId);
        }

        var result = await grains.GetGrain<IOrderGrain>(orderId).ReserveAsync(command with { Principal = CallerPrincipal.Of(request) });
        if (result.Rejection is not null)
        {
            return ApiProblems.Result(OrderMapping.Problem(result));
        }

        var response = OrderMapping.ToResponse(result.Order!, result.Duplicate);
        return result.Duplicate ? TypedResults.Ok(response) : TypedResults.Created(OrderMapping.OrderUrl(orderId), response);
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> PostPickAsync(string orderId, HttpRequest request, IGrainFactory grains)
    {
        if (!OrderIds.IsValid(orderId))
        {
            return InvalidOrderId();
        }

        var body = await JsonBody<OrderPickRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var (command, errors) = OrderMapping.Map(body.Value!);
        if (command is null)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors!));
        }

        var order = grains.GetGrain<IOrderGrain>(orderId);
        if (await ForbiddenAsync(order, request) is { } forbidden)
        {
            return forbidden;
        }

        return Answer(await order.PickAsync(command with { Principal = CallerPrincipal.Of(request) }));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> PostReleaseAsync(string orderId, HttpRequest request, IGrainFactory grains)
    {
        if (!OrderIds.IsValid(orderId))
        {
            return InvalidOrderId();
        }

        var release = new OrderReleaseRequest();
        if (request.ContentLength is > 0 || request.ContentType is not null)
        {
            var body = await JsonBody<OrderReleaseRequest>.ReadAsync(request);
            if (body.Problem is { } invalid)
            {
                return invalid;
            }

            release = body.Value!;
        }

        if (OrderMapping.Check(release) is { } errors)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var order = grains.GetGrain<IOrderGrain>(orderId);
        if (await ForbiddenAsync(order, request) is { } forbidden)
        {
            return forbidden;
        }

        return Answer(await order.ReleaseAsync(new ReleaseOrder { Reason = release.Reason, Principal = CallerPrincipal.Of(request) }));
    }

    /// <summary>The 403 when the order's warehouse is outside the caller's, or null (also for an order that does not exist:
    /// the grain answers that).</summary>
    private static async Task<ProblemHttpResult?> ForbiddenAsync(IOrderGrain order, HttpRequest request) =>
        await order.GetAsync() is { } existing && !WarehouseScope.MayWrite(request.HttpContext.User, existing.WarehouseId)
            ? WarehouseScope.Forbidden(existing.WarehouseId)
            : null;

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrderAsync(string orderId, IGrainFactory grains)
    {
        if (!OrderIds.IsValid(orderId))
        {
            return InvalidOrderId();
        }

        return await grains.GetGrain<IOrderGrain>(orderId).GetAsync() is { } order
            ? TypedResults.Ok(OrderMapping.ToResponse(order))
            : ApiProblems.Result(StatusCodes.Status404NotFound, OrderRejectionCodes.OrderNotFound, "No order has this id.");
    }

    private static Results<Ok<OrderResponse>, ProblemHttpResult> Answer(OrderResult result) =>
        result.Rejection is not null
            ? ApiProblems.Result(OrderMapping.Problem(result))
            : TypedResults.Ok(OrderMapping.ToResponse(result.Order!, result.Duplicate));

    private static ProblemHttpResult InvalidOrderId() =>
        ApiProblems.Result(ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["orderId"] = [OrderIds.Rule] }));
}
