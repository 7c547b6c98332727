using Inventory.Api.Contracts;
using Inventory.Api.Problems;
using Inventory.Contracts;
using Inventory.Contracts.Orders;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Endpoints;

/// <summary>Order requests checked field by field into the grain's commands, and its answers into responses and problems.</summary>
public static class OrderMapping
{
    public const int MaxLines = 100;
    public const int MaxReasonLength = 200;

    public static string OrderUrl(string orderId) => $"/api/v1/orders/{orderId}";

    /// <summary>The command, or the field errors of a 400.</summary>
    public static (ReserveOrder? Command, Dictionary<string, string[]>? Errors) Map(OrderReservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Id(request.WarehouseId, "warehouseId");
        var lines = Lines(request.Lines, errors);
        return errors.Count > 0 ? (null, errors.ToDictionary()) : (new ReserveOrder { WarehouseId = request.WarehouseId, Lines = lines }, null);
    }

    public static (PickOrder? Command, Dictionary<string, string[]>? Errors) Map(OrderPickRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.PickId == Guid.Empty)
        {
            errors.Add("pickId", "Must be a UUID other than all zeros.");
        }

        var lines = request.Lines is null ? null : Lines(request.Lines, errors);
        return errors.Count > 0 ? (null, errors.ToDictionary()) : (new PickOrder { PickId = request.PickId, Lines = lines }, null);
    }

    public static Dictionary<string, string[]>? Check(OrderReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Reason(request.Reason, MaxReasonLength);
        return errors.Count > 0 ? errors.ToDictionary() : null;
    }

    public static OrderResponse ToResponse(OrderDetails order, bool duplicate = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderResponse(
            order.OrderId,
            order.WarehouseId,
            order.Status,
            [.. order.Lines.Select(l => new OrderLineResponse(l.Sku, l.Requested, l.Reserved, l.Picked, l.Released, l.ReleasedOutside, l.Held))],
            order.RequestedAt,
            order.ReservedAt,
            order.EndedAt,
            order.Failure is { } f ? new OrderFailureResponse(f.Sku, f.Code, f.Message) : null,
            order.ReleaseReason,
            order.Version,
            duplicate,
            TransferMapping.ToResponse(order.History));
    }

    /// <summary>A refused order request: 400 for malformed input, 404 for an unknown order, 409 otherwise; a line an item
    /// refused also comes with that line (<c>failedLine</c>) and, when the order had started, the order (<c>order</c>).</summary>
    public static ProblemDetails Problem(OrderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rejection = result.Rejection ?? throw new ArgumentException("The result is not a rejection.", nameof(result));
        var problem = rejection.Code switch
        {
            OrderRejectionCodes.InvalidOrder => ApiProblems.Create(StatusCodes.Status400BadRequest, rejection.Code, "The order request is not valid.", rejection.Message),
            OrderRejectionCodes.OrderNotFound => ApiProblems.Create(StatusCodes.Status404NotFound, rejection.Code, "No order has this id.", rejection.Message),
            _ => ApiProblems.Create(StatusCodes.Status409Conflict, rejection.Code, "The order request was refused.", rejection.Message),
        };
        if (result.Failure is { } f)
        {
            problem.Extensions["failedLine"] = new OrderFailureResponse(f.Sku, f.Code, f.Message);
            if (result.Order is { } order)
            {
                problem.Extensions["order"] = ToResponse(order, result.Duplicate);
            }
        }

        return problem;
    }

    private static List<OrderLine> Lines(IReadOnlyList<OrderLineRequest>? lines, FieldErrors errors) =>
        errors.Lines(lines, MaxLines, l => (l.Sku, l.Quantity), (sku, quantity) => new OrderLine(sku, quantity));
}
