using System.Globalization;
using System.Text.Json;
using Inventory.Api.Audit;
using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Json;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.StockItems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary><c>/api/v1/items/{warehouseId}/{sku}</c>: an item's state (now or in the past), its history, its reorder point.</summary>
public static class ItemEndpoints
{
    public const int DefaultEventsLimit = 100;
    public const int MaxEventsLimit = 1000;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/items/{warehouseId}/{sku}").WithTags("Items").AddEndpointFilter<ClusterStartedFilter>();
        group.MapGet("/", GetItemAsync)
            .RequireAuthorization(ApiPolicies.Dashboard)
            .WithName("GetItem")
            .WithWarehouseReadScope()
            .WithSummary("The item's current state, or with ?version=n or ?asOf=<ISO-8601> its state then; 404 when it had no history.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/events", GetEventsAsync)
            .RequireAuthorization(ApiPolicies.Dashboard)
            .WithName("GetItemEvents")
            .WithWarehouseReadScope()
            .WithSummary($"The item's history, oldest first, after a version; at most limit (default {DefaultEventsLimit}, max {MaxEventsLimit}) per page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPut("/reorder-point", PutReorderPointAsync)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithName("PutReorderPoint")
            .WithOperatorAudit(OperatorActions.SetReorderPoint)
            .WithSummary("Sets the reorder point. Movement id: body movementId, else the Idempotency-Key header (UUID), else a new one.")
            .Accepts<ReorderPointRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> GetItemAsync(
        string warehouseId, string sku, string? version, string? asOf, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = ParseKey(warehouseId, sku, errors);
        int? atVersion = null;
        DateTimeOffset? at = null;
        if (version is not null && asOf is not null)
        {
            errors["version"] = ["Give either version or asOf, not both."];
        }
        else if (version is not null)
        {
            atVersion = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 ? v : null;
            if (atVersion is null)
            {
                errors["version"] = ["Must be a whole number of at least 1."];
            }
        }
        else if (asOf is not null)
        {
            at = DateTimeOffset.TryParseExact(asOf, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
            if (at is null)
            {
                errors["asOf"] = ["Must be an ISO-8601 date and time, e.g. 2026-01-31T12:00:00Z (encode '+' as %2B)."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var grain = grains.GetStockItem(key.ToString());
        var details = atVersion is { } n ? await grain.GetDetailsAtVersionAsync(n)
            : at is { } time ? await grain.GetDetailsAsOfAsync(time)
            : await grain.GetDetailsAsync();
        if (details is null || details.Version == 0)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, ProblemCodes.ItemNotFound, "The item has no history at that point.",
                $"No movement of {key} is recorded {(atVersion is not null ? $"up to version {atVersion}" : at is not null ? "by then" : "yet")}.");
        }

        return TypedResults.Ok(new ItemResponse(details.WarehouseId, details.Sku, details.Version, details.OnHand, details.Reserved,
            details.Available, details.ReorderPoint, [.. details.Reservations.Select(r => new ReservationResponse(r.ReservationId, r.Quantity))],
            details.LastMovementAt));
    }

    private static async Task<Results<Ok<ItemEventsResponse>, ProblemHttpResult>> GetEventsAsync(
        string warehouseId, string sku, string? after, string? limit, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = ParseKey(warehouseId, sku, errors);
        var afterVersion = 0;
        if (after is not null && !(int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterVersion) && afterVersion >= 0))
        {
            errors["after"] = ["Must be a whole number of at least 0."];
        }

        var pageSize = DefaultEventsLimit;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxEventsLimit))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxEventsLimit}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var page = await grains.GetStockItem(key.ToString()).GetHistoryAsync(afterVersion, pageSize);
        var events = page.Entries.Select(e => new ItemEventResponse(e.EventId, e.Version, e.GlobalPosition, e.Type, e.MovementId,
            e.RecordedAt, e.OccurredAt, e.ScannerId, ParseData(e.Data), e.Principal)).ToList();
        var next = page.NextAfterVersion is { } nextAfter
            ? $"{MovementMapping.ItemUrl(key)}/events?after={nextAfter.ToString(CultureInfo.InvariantCulture)}&limit={pageSize.ToString(CultureInfo.InvariantCulture)}"
            : null;
        return TypedResults.Ok(new ItemEventsResponse(key.WarehouseId, key.Sku, events, next));
    }

    private static async Task<Results<Created<MovementResponse>, Ok<MovementResponse>, ProblemHttpResult>> PutReorderPointAsync(
        string warehouseId, string sku, HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody<ReorderPointRequest>.ReadAsync(request);
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = ParseKey(warehouseId, sku, errors);
        var movementId = body.Value!.MovementId;
        var header = request.Headers[IdempotencyKeyHeader];
        if (header.Count > 0)
        {
            if (header.Count > 1 || !Guid.TryParse(header[0], out var fromHeader))
            {
                errors[IdempotencyKeyHeader] = ["Must be one UUID."];
            }
            else if (movementId is not null && movementId != fromHeader)
            {
                errors[IdempotencyKeyHeader] = ["Differs from the body's movementId."];
            }
            else
            {
                movementId = fromHeader;
            }
        }

        if (movementId == Guid.Empty)
        {
            errors["movementId"] = ["Must be a UUID other than all zeros."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        if (!WarehouseScope.MayWrite(request.HttpContext.User, key.WarehouseId))
        {
            return WarehouseScope.Forbidden(key.WarehouseId);
        }

        var command = new SetReorderPoint
        {
            MovementId = movementId ?? Guid.NewGuid(),
            ReorderPoint = body.Value.ReorderPoint,
            Principal = CallerPrincipal.Of(request),
        };
        var result = await grains.GetStockItem(key.ToString()).ExecuteAsync(command);
        return MovementEndpoints.ToResult(key, result);
    }

    private static JsonElement ParseData(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static StockItemKey ParseKey(string warehouseId, string sku, Dictionary<string, string[]> errors)
    {
        QueryArguments.Id(warehouseId, "warehouseId", errors);
        QueryArguments.Id(sku, "sku", errors);
        return errors.Count == 0 ? StockItemKey.Create(warehouseId, sku) : default;
    }
}
