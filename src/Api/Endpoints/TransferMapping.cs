using System.Text.Json;
using Inventory.Api.Contracts;
using Inventory.Api.Problems;
using Inventory.Contracts;
using Inventory.Contracts.Processes;
using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Endpoints;

/// <summary>Transfer requests checked field by field into the grain's commands, and its answers into responses and problems.</summary>
public static class TransferMapping
{
    public const int MaxLines = 100;
    public const int MaxReasonLength = 200;

    public static string TransferUrl(string transferId) => $"/api/v1/transfers/{transferId}";

    /// <summary>The command, or the field errors of a 400.</summary>
    public static (StartTransfer? Command, Dictionary<string, string[]>? Errors) Map(TransferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Id(request.TransferId, "transferId");
        errors.Id(request.FromWarehouseId, "fromWarehouseId");
        errors.Id(request.ToWarehouseId, "toWarehouseId");
        if (request.FromWarehouseId == request.ToWarehouseId)
        {
            errors.Add("toWarehouseId", "Must differ from fromWarehouseId.");
        }

        errors.Reason(request.Reason, MaxReasonLength);
        var lines = Lines(request.Lines, errors);
        return errors.Count > 0
            ? (null, errors.ToDictionary())
            : (new StartTransfer { FromWarehouseId = request.FromWarehouseId, ToWarehouseId = request.ToWarehouseId, Lines = lines, Reason = request.Reason }, null);
    }

    public static (ReceiveTransferLines? Command, Dictionary<string, string[]>? Errors) Map(TransferReceiptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.ReceiptId == Guid.Empty)
        {
            errors.Add("receiptId", "Must be a UUID other than all zeros.");
        }

        var lines = Lines(request.Lines, errors);
        return errors.Count > 0 ? (null, errors.ToDictionary()) : (new ReceiveTransferLines { ReceiptId = request.ReceiptId, Lines = lines }, null);
    }

    public static Dictionary<string, string[]>? Check(TransferCancelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Reason(request.Reason, MaxReasonLength);
        return errors.Count > 0 ? errors.ToDictionary() : null;
    }

    public static TransferResponse ToResponse(TransferDetails transfer, bool duplicate = false)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return new TransferResponse(
            transfer.TransferId,
            transfer.FromWarehouseId,
            transfer.ToWarehouseId,
            transfer.Reason,
            transfer.Status,
            [.. transfer.Lines.Select(l => new TransferLineResponse(l.Sku, l.Requested, l.Dispatched, l.Received, l.Returned, l.InTransit))],
            transfer.RequestedAt,
            transfer.DispatchedAt,
            transfer.EndedAt,
            transfer.Failure is { } f ? new TransferFailureResponse(f.Sku, f.Code, f.Message) : null,
            transfer.CancelReason,
            transfer.Version,
            duplicate,
            ToResponse(transfer.History));
    }

    public static IReadOnlyList<ProcessEventResponse> ToResponse(IReadOnlyList<ProcessHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return [.. history.Select(e =>
        {
            using var data = JsonDocument.Parse(e.Data);
            return new ProcessEventResponse(e.Version, e.Type, e.RecordedAt, e.GlobalPosition, data.RootElement.Clone(), e.Principal);
        })];
    }

    /// <summary>A refused transfer request: 400 for malformed input, 404 for an unknown transfer, 409 otherwise; a failed
    /// dispatch also carries the line that failed (<c>failedLine</c>) and, when the transfer had started, the transfer (<c>transfer</c>).</summary>
    public static ProblemDetails Problem(TransferResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rejection = result.Rejection ?? throw new ArgumentException("The result is not a rejection.", nameof(result));
        var transfer = result.Transfer;
        var problem = rejection.Code switch
        {
            TransferRejectionCodes.InvalidTransfer => ApiProblems.Create(StatusCodes.Status400BadRequest, rejection.Code, "The transfer request is not valid.", rejection.Message),
            TransferRejectionCodes.TransferNotFound => ApiProblems.Create(StatusCodes.Status404NotFound, rejection.Code, "No transfer has this id.", rejection.Message),
            _ => ApiProblems.Create(StatusCodes.Status409Conflict, rejection.Code, "The transfer request was refused.", rejection.Message),
        };
        if (result.Failure is { } f)
        {
            problem.Extensions["failedLine"] = new TransferFailureResponse(f.Sku, f.Code, f.Message);
        }

        if (rejection.Code == TransferRejectionCodes.DispatchFailed && transfer is not null)
        {
            problem.Extensions["transfer"] = ToResponse(transfer);
        }

        return problem;
    }

    private static List<TransferLine> Lines(IReadOnlyList<TransferLineRequest>? lines, FieldErrors errors) =>
        errors.Lines(lines, MaxLines, l => (l.Sku, l.Quantity), (sku, quantity) => new TransferLine(sku, quantity));
}
