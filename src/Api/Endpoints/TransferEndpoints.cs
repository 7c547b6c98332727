using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Json;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts;
using Inventory.Contracts.Transfers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>/api/v1/transfers</c>: stock moved between warehouses by a transfer's process manager. Every request is
/// idempotent (the transfer id, the receipt id); a 503 leaves the transfer resumable, and it finishes by itself.</summary>
public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransferEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/transfers").WithTags("Transfers").AddEndpointFilter<ClusterStartedFilter>();
        group.MapPost("/", PostTransferAsync)
            .RequireAuthorization(ApiPolicies.ScannerOrOperator)
            .WithName("PostTransfer")
            .WithSummary("Dispatches every line at the source, or none (409 transfer-dispatch-failed names the line that failed and why); the same request again answers 200.")
            .Accepts<TransferRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{transferId}/receive", PostReceiptAsync)
            .RequireAuthorization(ApiPolicies.ScannerOrOperator)
            .WithName("PostTransferReceipt")
            .WithSummary("Receives some or all of what is in transit at the destination; more than is in transit is refused (409 over-receipt).")
            .Accepts<TransferReceiptRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{transferId}/cancel", PostCancelAsync)
            .RequireAuthorization(ApiPolicies.ScannerOrOperator)
            .WithName("PostTransferCancel")
            .WithSummary("Returns everything still in transit to the source; the body ({\"reason\": ...}) may be left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{transferId}", GetTransferAsync)
            .RequireAuthorization(ApiPolicies.AnyKey)
            .WithName("GetTransfer")
            .WithSummary("The transfer's lines (dispatched, received, returned, in transit), status and own history.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<TransferResponse>, Ok<TransferResponse>, ProblemHttpResult>> PostTransferAsync(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody<TransferRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var (command, errors) = TransferMapping.Map(body.Value!);
        if (command is null)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors!));
        }

        if (!WarehouseScope.MayWrite(request.HttpContext.User, command.FromWarehouseId))
        {
            return WarehouseScope.Forbidden(command.FromWarehouseId);
        }

        var transferId = body.Value!.TransferId;
        var result = await grains.GetGrain<ITransferGrain>(transferId).StartAsync(command with { Principal = CallerPrincipal.Of(request) });
        if (result.Rejection is not null)
        {
            return ApiProblems.Result(TransferMapping.Problem(result));
        }

        var response = TransferMapping.ToResponse(result.Transfer!, result.Duplicate);
        return result.Duplicate ? TypedResults.Ok(response) : TypedResults.Created(TransferMapping.TransferUrl(transferId), response);
    }

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> PostReceiptAsync(string transferId, HttpRequest request, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(transferId))
        {
            return InvalidTransferId();
        }

        var body = await JsonBody<TransferReceiptRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var (command, errors) = TransferMapping.Map(body.Value!);
        if (command is null)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors!));
        }

        var transfer = grains.GetGrain<ITransferGrain>(transferId);
        if (await transfer.GetAsync() is { } existing && !WarehouseScope.MayWrite(request.HttpContext.User, existing.ToWarehouseId))
        {
            // A receipt writes at the destination.
            return WarehouseScope.Forbidden(existing.ToWarehouseId);
        }

        return Answer(await transfer.ReceiveAsync(command with { Principal = CallerPrincipal.Of(request) }));
    }

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> PostCancelAsync(string transferId, HttpRequest request, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(transferId))
        {
            return InvalidTransferId();
        }

        var cancel = new TransferCancelRequest();
        if (request.ContentLength is > 0 || request.ContentType is not null)
        {
            var body = await JsonBody<TransferCancelRequest>.ReadAsync(request);
            if (body.Problem is { } invalid)
            {
                return invalid;
            }

            cancel = body.Value!;
        }

        if (TransferMapping.Check(cancel) is { } errors)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var transfer = grains.GetGrain<ITransferGrain>(transferId);
        if (await transfer.GetAsync() is { } existing && !WarehouseScope.MayWrite(request.HttpContext.User, existing.FromWarehouseId))
        {
            // A cancel sends what is in transit back to the source.
            return WarehouseScope.Forbidden(existing.FromWarehouseId);
        }

        return Answer(await transfer.CancelAsync(new CancelTransfer { Reason = cancel.Reason, Principal = CallerPrincipal.Of(request) }));
    }

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> GetTransferAsync(string transferId, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(transferId))
        {
            return InvalidTransferId();
        }

        return await grains.GetGrain<ITransferGrain>(transferId).GetAsync() is { } transfer
            ? TypedResults.Ok(TransferMapping.ToResponse(transfer))
            : ApiProblems.Result(StatusCodes.Status404NotFound, TransferRejectionCodes.TransferNotFound, "No transfer has this id.");
    }

    private static Results<Ok<TransferResponse>, ProblemHttpResult> Answer(TransferResult result) =>
        result.Rejection is not null
            ? ApiProblems.Result(TransferMapping.Problem(result))
            : TypedResults.Ok(TransferMapping.ToResponse(result.Transfer!, result.Duplicate));

    private static ProblemHttpResult InvalidTransferId() =>
        ApiProblems.Result(ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["transferId"] = [Identifiers.Rule] }));
}
