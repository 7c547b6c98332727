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
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        if (!Identifiers.IsValid(request.WarehouseId))
        {
            Error("warehouseId", Identifiers.Rule);
        }

        var lines = MapLines(request.Lines, Error);
        return errors.Count > 0 ? (null, Freeze(errors)) : (new ReserveOrder { WarehouseId = request.WarehouseId, Lines = lines }, null);
    }

    public static (PickOrder? Command, Dictionary<string, string[]>? Errors) Map(OrderPickRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        if (request.PickId == Guid.Empty)
        {
            Error("pickId", "Must be a UUID other than all zeros.");
        }

        var lines = request.Lines is null ? null : MapLines(request.Lines, Error);
        return errors.Count > 0 ? (null, Freeze(errors)) : (new PickOrder { PickId = request.PickId, Lines = lines }, null);
    }

    public static Dictionary<string, string[]>? Check(OrderReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Reason is { Length: > MaxReasonLength }
            ? new Dictionary<string, string[]>(StringComparer.Ordinal) { ["reason"] = [$"At most {MaxReasonLength} characters."] }
            : null;
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

    private static List<OrderLine> MapLines(IReadOnlyList<OrderLineRequest>? lines, Action<string, string> error)
    {
        var mapped = new List<OrderLine>();
        if (lines is null || lines.Count is 0 or > MaxLines)
        {
            error("lines", $"Must hold 1 to {MaxLines} lines.");
            return mapped;
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                error($"lines[{i}]", "Must be an object with sku and quantity.");
                continue;
            }

            if (!Identifiers.IsValid(line.Sku))
            {
                error($"lines[{i}].sku", Identifiers.Rule);
            }
            else if (!skus.Add(line.Sku))
            {
                error($"lines[{i}].sku", "Each SKU once: this one is on an earlier line.");
            }

            if (line.Quantity is < 1 or > Quantities.Max)
            {
                error($"lines[{i}].quantity", $"Must be between 1 and {Quantities.Max}.");
            }

            mapped.Add(new OrderLine(line.Sku, line.Quantity));
        }

        return mapped;
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
