using System.Globalization;
using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Endpoints;

/// <summary>The dashboards' views (read side, eventually consistent): a warehouse's stock, low stock and recent
/// movements, one SKU across warehouses, the overview. Each read may carry <c>?minPosition=</c> (see
/// <see cref="ReadYourWrites"/>). A warehouse's stock and a SKU's also answer <c>?asOf=</c> from the ledger
/// (<see cref="IStockLedgerGrain"/>), and a warehouse's stock exports as CSV (<see cref="StockExport"/>).</summary>
public static class ViewEndpoints
{
    public const int DefaultStockLimit = 100;
    public const int MaxStockLimit = 1000;

    private const string MinPositionSummary = " With ?minPosition=<position of a movement reply> it first waits (bounded) for the views to include it; header X-Min-Position-Reached says whether they did.";

    private const string AsOfSummary = " With ?asOf=<ISO-8601 instant, not in the future> it answers from the ledger instead: the balances after each item's last event recorded by then (no reorder point; items with no event by then are not listed).";

    public static IEndpointRouteBuilder MapViewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Views").RequireAuthorization(ApiPolicies.Dashboard).AddEndpointFilter<ClusterStartedFilter>().WithWarehouseReadScope();
        group.MapGet("/warehouses/{warehouseId}/stock", GetStockAsync)
            .WithName("GetWarehouseStock")
            .WithSummary($"A warehouse's stock by SKU (ordinal order) after a SKU, at most limit (default {DefaultStockLimit}, max {MaxStockLimit}) per page, with the warehouse's totals." + MinPositionSummary + AsOfSummary
                + " With Accept: text/csv or ?format=csv, every SKU (after 'after') as a CSV attachment, streamed.")
            .OkOneOf([typeof(WarehouseStockResponse), typeof(WarehouseStockAsOfResponse)], StockCsv.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/warehouses/{warehouseId}/low-stock", GetLowStockAsync)
            .WithName("GetWarehouseLowStock")
            .WithSummary("The SKUs of a warehouse whose available stock is below their reorder point." + MinPositionSummary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/warehouses/{warehouseId}/movements", GetMovementsAsync)
            .WithName("GetWarehouseMovements")
            .WithSummary("A warehouse's recent movements (up to 100), newest first." + MinPositionSummary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/skus/{sku}/stock", GetSkuStockAsync)
            .WithName("GetSkuStock")
            .WithSummary("One SKU in every warehouse that has it, and its totals." + MinPositionSummary + AsOfSummary)
            .OkOneOf([typeof(SkuStockResponse), typeof(SkuStockAsOfResponse)])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/overview", GetOverviewAsync)
            .WithName("GetOverview")
            .WithSummary("Warehouses, SKUs, totals, movements per minute, and every warehouse's totals." + MinPositionSummary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<WarehouseStockResponse>, Ok<WarehouseStockAsOfResponse>, PushStreamHttpResult, ProblemHttpResult>> GetStockAsync(
        string warehouseId, string? after, string? limit, string? minPosition, string? asOf, string? format,
        IGrainFactory grains, IOptions<InventoryApiOptions> options, TimeProvider time, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        QueryArguments.Id(warehouseId, "warehouseId", errors);
        var afterSku = QueryArguments.Id(after, "after", errors, required: false);
        var pageSize = QueryArguments.Limit(limit, DefaultStockLimit, MaxStockLimit, errors);
        var position = QueryArguments.Whole(minPosition, "minPosition", 1, errors);
        var instant = QueryArguments.Instant(asOf, "asOf", time.GetUtcNow(), errors);
        var csv = StockExport.WantsCsv(format, request, errors);
        if (instant is not null && position is not null)
        {
            errors["minPosition"] = ["Applies to the live view only: a read with asOf answers from the ledger itself."];
        }

        if (csv && limit is not null)
        {
            errors["limit"] = ["The CSV export has every SKU (after 'after', when given): it takes no limit."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        if (instant is { } at)
        {
            var ledger = grains.GetGrain<IStockLedgerGrain>(0);
            if (csv)
            {
                return await StockExport.AsOfAsync(ledger, warehouseId, at, afterSku, cancellationToken);
            }

            var page = await ledger.GetWarehouseStockAsync(warehouseId, at, afterSku, pageSize, withTotals: true);
            var nextAsOf = page.Next is { } nextAsOfSku
                ? $"/api/v1/warehouses/{warehouseId}/stock?asOf={StockCsv.Time(page.AsOf)}&after={Uri.EscapeDataString(nextAsOfSku)}&limit={pageSize.ToString(CultureInfo.InvariantCulture)}"
                : null;
            return TypedResults.Ok(new WarehouseStockAsOfResponse(
                warehouseId, page.AsOf, [.. page.Items.Select(ViewMapping.ToResponse)], ViewMapping.ToResponse(page.Totals ?? StockTotalsAsOf.None), nextAsOf));
        }

        var views = grains.GetGrain<IViewsGrain>(0);
        await ReadYourWrites.WaitAsync(position, views, response, options.Value.MinPositionTimeout);
        if (csv)
        {
            return await StockExport.LiveAsync(views, warehouseId, afterSku, cancellationToken);
        }

        var live = await views.GetWarehouseStockAsync(warehouseId, afterSku, pageSize);
        var next = live.Next is { } nextSku
            ? $"/api/v1/warehouses/{warehouseId}/stock?after={Uri.EscapeDataString(nextSku)}&limit={pageSize.ToString(CultureInfo.InvariantCulture)}"
            : null;
        return TypedResults.Ok(new WarehouseStockResponse(warehouseId, [.. live.Items.Select(ViewMapping.ToResponse)], ViewMapping.ToResponse(live.Totals), next));
    }

    private static async Task<Results<Ok<LowStockResponse>, ProblemHttpResult>> GetLowStockAsync(
        string warehouseId, string? minPosition, IGrainFactory grains, IOptions<InventoryApiOptions> options, HttpResponse response)
    {
        var (views, problem) = await PrepareAsync(warehouseId, "warehouseId", minPosition, grains, options, response);
        return problem ?? (Results<Ok<LowStockResponse>, ProblemHttpResult>)TypedResults.Ok(
            new LowStockResponse(warehouseId, [.. (await views!.GetLowStockAsync(warehouseId)).Select(ViewMapping.ToResponse)]));
    }

    private static async Task<Results<Ok<RecentMovementsResponse>, ProblemHttpResult>> GetMovementsAsync(
        string warehouseId, string? minPosition, IGrainFactory grains, IOptions<InventoryApiOptions> options, HttpResponse response)
    {
        var (views, problem) = await PrepareAsync(warehouseId, "warehouseId", minPosition, grains, options, response);
        return problem ?? (Results<Ok<RecentMovementsResponse>, ProblemHttpResult>)TypedResults.Ok(
            new RecentMovementsResponse(warehouseId, [.. (await views!.GetRecentMovementsAsync(warehouseId)).Select(ViewMapping.ToResponse)]));
    }

    private static async Task<Results<Ok<SkuStockResponse>, Ok<SkuStockAsOfResponse>, ProblemHttpResult>> GetSkuStockAsync(
        string sku, string? minPosition, string? asOf, IGrainFactory grains, IOptions<InventoryApiOptions> options, TimeProvider time, HttpResponse response)
    {
        if (asOf is not null)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            QueryArguments.Id(sku, "sku", errors);
            var instant = QueryArguments.Instant(asOf, "asOf", time.GetUtcNow(), errors);
            if (minPosition is not null)
            {
                errors["minPosition"] = ["Applies to the live view only: a read with asOf answers from the ledger itself."];
            }

            return errors.Count > 0
                ? ApiProblems.Result(ApiProblems.Validation(errors))
                : TypedResults.Ok(ViewMapping.ToResponse(await grains.GetGrain<IStockLedgerGrain>(0).GetSkuStockAsync(sku, instant!.Value)));
        }

        var (views, problem) = await PrepareAsync(sku, "sku", minPosition, grains, options, response);
        return problem ?? (Results<Ok<SkuStockResponse>, Ok<SkuStockAsOfResponse>, ProblemHttpResult>)TypedResults.Ok(ViewMapping.ToResponse(await views!.GetSkuStockAsync(sku)));
    }

    private static async Task<Results<Ok<OverviewResponse>, ProblemHttpResult>> GetOverviewAsync(
        string? minPosition, IGrainFactory grains, IOptions<InventoryApiOptions> options, HttpResponse response)
    {
        var (views, problem) = await PrepareAsync(null, null, minPosition, grains, options, response, listed: true);
        return problem ?? (Results<Ok<OverviewResponse>, ProblemHttpResult>)TypedResults.Ok(ViewMapping.ToResponse(await views!.GetOverviewAsync()));
    }

    /// <summary>Checks the id (when given) and minPosition, then waits for minPosition: the views grain, or the 400 problem.</summary>
    private static async Task<(IViewsGrain? Views, ProblemHttpResult? Problem)> PrepareAsync(
        string? id, string? idField, string? minPosition, IGrainFactory grains, IOptions<InventoryApiOptions> options, HttpResponse response,
        bool listed = false)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (idField is not null)
        {
            QueryArguments.Id(id, idField, errors);
        }

        var position = QueryArguments.Whole(minPosition, "minPosition", 1, errors);
        if (errors.Count > 0)
        {
            return (null, ApiProblems.Result(ApiProblems.Validation(errors)));
        }

        var views = grains.GetGrain<IViewsGrain>(0);
        await ReadYourWrites.WaitAsync(position, views, response, options.Value.MinPositionTimeout, listed);
        return (views, null);
    }
}
