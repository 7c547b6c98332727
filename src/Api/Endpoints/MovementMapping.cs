using System.Diagnostics;
using Inventory.Api.Contracts;
using Inventory.Api.Problems;
using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Endpoints;

/// <summary>Checks the shape of a movement (which members its type needs, identifiers' format) and maps it to a
/// grain command; maps the grain's answer back. Quantities' ranges and every stock rule stay in the grain.</summary>
public static class MovementMapping
{
    public const int MaxScannerIdLength = 128;

    /// <summary>The command, or the field errors that keep the movement from reaching a grain. <paramref name="principal"/>
    /// is the authenticated caller's name (the API key's), which the command carries into the event's metadata.</summary>
    public static (MappedMovement? Movement, IReadOnlyDictionary<string, string[]>? Errors) Map(MovementRequest request, string? principal)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (request.MovementId == Guid.Empty)
        {
            Error("movementId", "Must be a UUID other than all zeros.");
        }

        CheckIdentifier(request.WarehouseId, "warehouseId", Error);
        CheckIdentifier(request.Sku, "sku", Error);
        if (request.ReservationId is not null)
        {
            CheckIdentifier(request.ReservationId, "reservationId", Error);
        }

        if (request.ScannerId is { } scannerId && (scannerId.Length is 0 or > MaxScannerIdLength || scannerId.Any(char.IsControl)))
        {
            Error("scannerId", $"Must be 1 to {MaxScannerIdLength} characters without control characters.");
        }

        var type = request.Type;
        if (!MovementTypes.All.Contains(type))
        {
            Error("type", $"Must be one of {string.Join(", ", MovementTypes.All)}.");
        }
        else
        {
            var needsQuantity = type != MovementTypes.Release;
            if (needsQuantity && request.Quantity is null)
            {
                Error("quantity", $"Required for {type}.");
            }

            var reservation = type switch
            {
                MovementTypes.Reserve or MovementTypes.Release => Use.Required,
                MovementTypes.Pick => Use.Optional,
                _ => Use.Never,
            };
            Need(request.ReservationId, reservation, "reservationId", type, Error);
            Need(request.Reason, type == MovementTypes.Adjust ? Use.Required : Use.Never, "reason", type, Error);
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return (new MappedMovement(StockItemKey.Create(request.WarehouseId, request.Sku), ToCommand(request, principal)), null);
    }

    /// <summary>201 for a movement applied now, 200 for a retry of one applied before, a problem for a refusal.</summary>
    public static (int Status, MovementResponse? Movement, ProblemDetails? Problem) ToOutcome(StockItemKey key, MovementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rejection is { } rejection)
        {
            var problem = ApiProblems.Rejected(rejection);
            return (problem.Status!.Value, null, problem);
        }

        var movement = new MovementResponse(result.MovementId, key.WarehouseId, key.Sku, result.Version, result.Position,
            result.OnHand, result.Reserved, result.Available);
        return (result.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status201Created, movement, null);
    }

    /// <summary>The relative URL of an item.</summary>
    public static string ItemUrl(StockItemKey key) => $"/api/v1/items/{key.WarehouseId}/{key.Sku}";

    private static StockCommand ToCommand(MovementRequest r, string? principal)
    {
        var quantity = r.Quantity.GetValueOrDefault();
        StockCommand command = r.Type switch
        {
            MovementTypes.Receive => new ReceiveStock { MovementId = r.MovementId, Quantity = quantity },
            MovementTypes.Pick => new PickStock { MovementId = r.MovementId, Quantity = quantity, ReservationId = r.ReservationId },
            MovementTypes.Reserve => new ReserveStock { MovementId = r.MovementId, Quantity = quantity, ReservationId = r.ReservationId! },
            MovementTypes.Release => new ReleaseReservation { MovementId = r.MovementId, ReservationId = r.ReservationId!, Quantity = r.Quantity },
            MovementTypes.Adjust => new AdjustStock { MovementId = r.MovementId, Delta = quantity, Reason = r.Reason! },
            MovementTypes.Count => new CountStock { MovementId = r.MovementId, CountedQuantity = quantity },
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Type, "Unknown movement type."),
        };
        // The request's trace id goes into the event's metadata: an event found in the ledger leads back to its request.
        return command with
        {
            ScannerId = r.ScannerId,
            OccurredAt = r.OccurredAt,
            CorrelationId = Activity.Current?.TraceId.ToHexString(),
            Principal = principal,
        };
    }

    private static void CheckIdentifier(string value, string field, Action<string, string> error)
    {
        if (!Identifiers.IsValid(value))
        {
            error(field, Identifiers.Rule);
        }
    }

    private static void Need(string? value, Use use, string field, string type, Action<string, string> error)
    {
        if (use == Use.Required && string.IsNullOrWhiteSpace(value))
        {
            error(field, $"Required for {type}.");
        }
        else if (use == Use.Never && value is not null)
        {
            error(field, $"Not used by {type}.");
        }
    }

    private enum Use
    {
        Never,
        Optional,
        Required,
    }
}
