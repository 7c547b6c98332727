using System.Globalization;
using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Endpoints;

/// <summary>The dashboards' views (read side, eventually consistent): a warehouse's stock, low stock and recent
/// movements, one SKU across warehouses, the overview. Each read may carry <c>?minPosition=</c> (see
/// <see cref="ReadYourWrites"/>).</summary>
public static class ViewEndpoints
{
    public const int DefaultStockLimit = 100;
    public const int MaxStockLimit = 1000;

    private const string MinPositionSummary = " With ?minPosition=<position of a movement reply> it first waits (bounded) for the views to include it; header X-Min-Position-Reached says whether they did.";

    public static IEndpointRouteBuilder MapViewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Views").RequireAuthorization(ApiPolicies.Dashboard).AddEndpointFilter<ClusterStartedFilter>();
        group.MapGet("/warehouses/{warehouseId}/stock", GetStockAsync)
            .WithName("GetWarehouseStock")
            .WithSummary($"A warehouse's stock by SKU (ordinal order) after a SKU, at most limit (default {DefaultStockLimit}, max {MaxStockLimit}) per page, with the warehouse's totals." + MinPositionSummary)
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
            .WithSummary("One SKU in every warehouse that has it, and its totals." + MinPositionSummary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/overview", GetOverviewAsync)
            .WithName("GetOverview")
            .WithSummary("Warehouses, SKUs, totals, movements per minute, and every warehouse's totals." + MinPositionSummary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<WarehouseStockResponse>, ProblemHttpResult>> GetStockAsync(
        string warehouseId, string? after, string? limit, string? minPosition, IGrainFactory grains, IOptions<InventoryApiOptions> options, HttpResponse response)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        QueryArguments.Id(warehouseId, "warehouseId", errors);
        var afterSku = QueryArguments.Id(after, "after", errors, required: false);
        var pageSize = QueryArguments.Limit(limit, DefaultStockLimit, MaxStockLimit, errors);
        var position = QueryArguments.Whole(minPosition, "minPosition", 1, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var views = grains.GetGrain<IViewsGrain>(0);
        await ReadYourWrites.WaitAsync(position, views, response, options.Value.MinPositionTimeout);
        var page = await views.GetWarehouseStockAsync(warehouseId, afterSku, pageSize);
        var next = page.Next is { } nextSku
            ? $"/api/v1/warehouses/{warehouseId}/stock?after={Uri.EscapeDataString(nextSku)}&limit={pageSize.ToString(CultureInfo.InvariantCulture)}"
            : null;
        return TypedResults.Ok(new WarehouseStockResponse(warehouseId, [.. page.Items.Select(ViewMapping.ToResponse)], ViewMapping.ToResponse(page.Totals), next));
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

    private static async Task<Results<Ok<SkuStockResponse>, ProblemHttpResult>> GetSkuStockAsync(
        string sku, string? minPosition, IGrainFactory grains, IOptions<InventoryApiOptions> options, HttpResponse response)
    {
        var (views, problem) = await PrepareAsync(sku, "sku", minPosition, grains, options, response);
        return problem ?? (Results<Ok<SkuStockResponse>, ProblemHttpResult>)TypedResults.Ok(ViewMapping.ToResponse(await views!.GetSkuStockAsync(sku)));
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
